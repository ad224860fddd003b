//! The partner's Resellers page: incoming Requests for Partner, linked resellers, and the
//! latest notifications, all from the replica; answers and removals queue like any edit.

use super::state::Core;
use crate::commands::{AnswerRequestArgs, FormArgs, RemoveResellerArgs};
use crate::error::{CoreResult, not_signed_in};
use crate::forms;
use crate::view::{LinkRow, RequestRow, ResellersView};
use wpplay_i18n::{Args, Later};
use wpplay_wire::resellers::{Link, Notification, PartnerRequest, RequestStatus};
use wpplay_wire::sync::{Entity, Mutation};

impl Core {
    /// Pending requests, linked resellers and the latest notifications.
    pub async fn resellers(&self) -> CoreResult<ResellersView> {
        let guard = self.session.read().await;
        let s = guard.as_ref().ok_or_else(not_signed_in)?;
        let queued = s.replica.unpulled().await?;
        let answering = |id: &str| {
            queued.iter().any(|p| matches!(&p.mutation, Mutation::AnswerRequest { request_id, .. } if request_id == id))
        };
        let removing = |id: i64| {
            queued.iter().any(|p| matches!(&p.mutation, Mutation::RemoveReseller { reseller_id, .. } if *reseller_id == id))
        };
        let mut incoming: Vec<PartnerRequest> = s
            .replica
            .entities("partner_request")
            .await?
            .into_iter()
            .filter_map(|e| match e {
                Entity::PartnerRequest(r) if r.status == RequestStatus::Pending => Some(r),
                _ => None,
            })
            .collect();
        incoming.sort_by_key(|r| r.created_at);
        let linked: Vec<Link> = s
            .replica
            .entities("link")
            .await?
            .into_iter()
            .filter_map(|e| match e {
                Entity::Link(l) => Some(l),
                _ => None,
            })
            .collect();
        let mut notifications: Vec<Notification> = s
            .replica
            .entities("notification")
            .await?
            .into_iter()
            .filter_map(|e| match e {
                Entity::Notification(n) => Some(n),
                _ => None,
            })
            .collect();
        notifications.sort_by_key(|n| std::cmp::Reverse(n.id));
        notifications.truncate(20);
        Ok(ResellersView {
            incoming: incoming
                .into_iter()
                .map(|r| RequestRow {
                    answering: answering(&r.id),
                    request: r,
                })
                .collect(),
            linked: linked
                .into_iter()
                .map(|l| LinkRow {
                    removing: removing(l.reseller_id),
                    link: l,
                })
                .collect(),
            notifications,
        })
    }

    /// Accepts or rejects a pending request (works offline; syncs later).
    pub async fn answer_request(&self, args: AnswerRequestArgs) -> CoreResult<ResellersView> {
        let reason = forms::accept(&FormArgs::RejectRequest {
            reason: args.reason.unwrap_or_default(),
        })?
        .value("reason");
        let id = if args.accept {
            "edit-accept-request"
        } else {
            "edit-reject-request"
        };
        let m = Mutation::AnswerRequest {
            request_id: args.request_id,
            accept: args.accept,
            reason,
        };
        self.queue(&m, Later::new(id, Args::new())).await?;
        self.resellers().await
    }

    /// Remove My Reseller: a reason is required.
    pub async fn remove_reseller(&self, args: RemoveResellerArgs) -> CoreResult<ResellersView> {
        let reason = forms::accept(&FormArgs::RemoveReseller {
            reason: args.reason,
        })?
        .value("reason")
        .unwrap_or_default();
        let m = Mutation::RemoveReseller {
            reseller_id: args.reseller_id,
            reason,
        };
        self.queue(&m, Later::new("edit-remove-reseller", Args::new()))
            .await?;
        self.resellers().await
    }
}
