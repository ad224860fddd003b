//! The rest of the reseller network as the app sees it: the reseller's directory, its own
//! requests and its linked partners' content; the partner's content catalog and its
//! Settings → Reseller services; and the audit log.
//!
//! The directory, a linked partner's content and the audit log are read from the server
//! (they are other accounts' data or long history, not in this account's feed), so they
//! need a connection; everything else is read from the replica and every edit queues.

use super::state::Core;
use crate::commands::{
    AddStreamArgs, AuditArgs, FormArgs, PartnerArgs, RequestArgs, RequestPartnerArgs,
    ResellerSettingsArgs, StreamArgs,
};
use crate::error::{CoreResult, not_signed_in};
use crate::forms;
use crate::view::{
    ContentView, DirectoryRow, OutgoingRow, PartnerRelation, Relation, RequestsView,
    ResellerSettingsView, RowProblem, RowSync, StreamRow, relation_with,
};
use wpplay_domain::Code;
use wpplay_domain::package::Limited;
use wpplay_i18n::{Args, Later, args};
use wpplay_wire::ErrorBody;
use wpplay_wire::audit::AuditEntry;
use wpplay_wire::auth::Role;
use wpplay_wire::resellers::{
    ContactVisibility, DirectoryEntry, Link, Notification, PartnerRequest, RequestStatus,
    ResellerSettings, Stream, VisibleContacts,
};
use wpplay_wire::sync::{Entity, Mutation, Profile};

impl Core {
    pub(super) async fn role(&self) -> CoreResult<Role> {
        let guard = self.session.read().await;
        Ok(guard.as_ref().ok_or_else(not_signed_in)?.role)
    }

    pub(super) async fn require(&self, role: Role, what: &str) -> CoreResult<()> {
        if self.role().await? == role {
            Ok(())
        } else {
            Err(ErrorBody::new(
                Code::Forbidden,
                format!("Only a {} account can {what}.", role.as_str()),
            ))
        }
    }

    /// Partners that serve resellers, with where this reseller stands with each.
    pub async fn partner_directory(&self) -> CoreResult<Vec<DirectoryRow>> {
        self.require(Role::Reseller, "browse the partner directory")
            .await?;
        let entries: Vec<DirectoryEntry> = self
            .authorized(|api, token| async move { api.get("/api/v1/partners", Some(&token)).await })
            .await?;
        let mine = self.my_requests().await?;
        Ok(entries
            .into_iter()
            .map(|entry| DirectoryRow {
                relation: mine.relation_with(entry.partner_id),
                entry,
            })
            .collect())
    }

    /// The reseller's requests (sent here and waiting included), partners and notifications.
    pub async fn my_requests(&self) -> CoreResult<RequestsView> {
        let guard = self.session.read().await;
        let s = guard.as_ref().ok_or_else(not_signed_in)?;
        let mut requests: Vec<OutgoingRow> = s
            .replica
            .entities("partner_request")
            .await?
            .into_iter()
            .filter_map(|e| match e {
                Entity::PartnerRequest(r) => Some(OutgoingRow {
                    request: r,
                    waiting: false,
                    problem: None,
                    open: false,
                }),
                _ => None,
            })
            .collect();
        for (entry, m) in s.replica.outbox().await? {
            let problem = RowProblem::refused(&entry);
            let waiting = entry.state == "pending";
            match m {
                Mutation::RequestPartner {
                    request_id,
                    partner_id,
                    message,
                } => {
                    if let Some(row) = requests.iter_mut().find(|r| r.request.id == request_id) {
                        row.problem = row.problem.take().or(problem);
                        continue;
                    }
                    let company = serde_json::from_str::<Later>(&entry.summary)
                        .ok()
                        .and_then(|m| m.arg("company").map(str::to_owned))
                        .unwrap_or_default();
                    requests.push(OutgoingRow {
                        request: PartnerRequest {
                            id: request_id,
                            reseller_id: 0,
                            reseller_company: String::new(),
                            partner_id,
                            partner_company: company,
                            message,
                            status: RequestStatus::Pending,
                            reason: None,
                            created_at: entry.created_at,
                        },
                        waiting: problem.is_none(),
                        problem,
                        open: false,
                    });
                }
                Mutation::WithdrawRequest { request_id } => {
                    if let Some(row) = requests.iter_mut().find(|r| r.request.id == request_id) {
                        if problem.is_none() && row.request.status == RequestStatus::Pending {
                            row.request.status = RequestStatus::Withdrawn;
                            row.waiting = waiting;
                        }
                        row.problem = row.problem.take().or(problem);
                    }
                }
                _ => {}
            }
        }
        requests.sort_by(|a, b| {
            b.request
                .created_at
                .cmp(&a.request.created_at)
                .then_with(|| b.request.id.cmp(&a.request.id))
        });
        let mut partners: Vec<Link> = s
            .replica
            .entities("link")
            .await?
            .into_iter()
            .filter_map(|e| match e {
                Entity::Link(l) => Some(l),
                _ => None,
            })
            .collect();
        partners.sort_by(|a, b| {
            a.partner_company
                .to_lowercase()
                .cmp(&b.partner_company.to_lowercase())
        });
        let requests: Vec<OutgoingRow> = requests.into_iter().map(OutgoingRow::settled).collect();
        let mut ids: Vec<i64> = partners.iter().map(|l| l.partner_id).collect();
        ids.extend(requests.iter().map(|r| r.request.partner_id));
        ids.sort_unstable();
        ids.dedup();
        let relations = ids
            .into_iter()
            .map(|partner_id| PartnerRelation {
                partner_id,
                relation: relation_with(partner_id, &partners, &requests),
            })
            .filter(|r| r.relation != Relation::None)
            .collect();
        Ok(RequestsView {
            requests,
            partners,
            notifications: latest_notifications(s).await?,
            relations,
        })
    }

    /// Request for Partner: queued, sent when online.
    pub async fn request_partner(&self, args: RequestPartnerArgs) -> CoreResult<RequestsView> {
        self.require(Role::Reseller, "send a Request for Partner")
            .await?;
        let message = forms::accept(&FormArgs::RequestPartner {
            message: args.message,
        })?
        .value("message")
        .unwrap_or_default();
        let mine = self.my_requests().await?;
        if mine
            .partners
            .iter()
            .any(|l| l.partner_id == args.partner_id)
        {
            return Err(ErrorBody::new(
                Code::AlreadyLinked,
                "You already work with this partner.",
            ));
        }
        if mine.requests.iter().any(|r| {
            r.request.partner_id == args.partner_id
                && r.request.status == RequestStatus::Pending
                && r.problem.is_none()
        }) {
            return Err(ErrorBody::new(
                Code::RequestPending,
                "Your request to this partner is still waiting for an answer.",
            ));
        }
        let m = Mutation::RequestPartner {
            request_id: uuid::Uuid::new_v4().to_string(),
            partner_id: args.partner_id,
            message,
        };
        self.queue(
            &m,
            Later::new(
                "edit-request-partner",
                args! {"company" => args.partner_company.trim()},
            ),
        )
        .await?;
        self.my_requests().await
    }

    /// Takes a pending request back.
    pub async fn withdraw_request(&self, args: RequestArgs) -> CoreResult<RequestsView> {
        self.require(Role::Reseller, "withdraw a Request for Partner")
            .await?;
        let mine = self.my_requests().await?;
        let Some(row) = mine
            .requests
            .iter()
            .find(|r| r.request.id == args.request_id)
        else {
            return Err(ErrorBody::new(
                Code::RequestNotFound,
                "This request no longer exists.",
            ));
        };
        if row.request.status != RequestStatus::Pending {
            return Err(ErrorBody::new(
                Code::RequestClosed,
                "This request was answered or withdrawn already.",
            ));
        }
        let m = Mutation::WithdrawRequest {
            request_id: args.request_id,
        };
        self.queue(
            &m,
            Later::new(
                "edit-withdraw-request",
                args! {"company" => &row.request.partner_company},
            ),
        )
        .await?;
        self.my_requests().await
    }

    /// A linked partner's content, read from the server.
    pub async fn partner_content(&self, args: PartnerArgs) -> CoreResult<ContentView> {
        self.require(Role::Reseller, "read a partner's content")
            .await?;
        let company = self
            .my_requests()
            .await?
            .partners
            .into_iter()
            .find(|l| l.partner_id == args.partner_id)
            .map(|l| l.partner_company)
            .ok_or_else(|| {
                ErrorBody::new(
                    Code::NotLinked,
                    "Only the partner's linked resellers see its content. Send a Request for Partner first.",
                )
            })?;
        let path = format!("/api/v1/partners/{}/content", args.partner_id);
        let streams: Vec<Stream> = self
            .authorized(|api, token| {
                let path = path.clone();
                async move { api.get(&path, Some(&token)).await }
            })
            .await?;
        Ok(ContentView {
            partner_id: Some(args.partner_id),
            partner_company: company,
            streams: streams
                .into_iter()
                .map(|stream| StreamRow {
                    stream,
                    sync: RowSync::Synced,
                    problem: None,
                })
                .collect(),
            allowance: None,
        })
    }

    /// The partner's own catalog, from the replica with queued edits laid over it.
    pub async fn my_content(&self) -> CoreResult<ContentView> {
        self.require(Role::Partner, "manage a content catalog")
            .await?;
        let guard = self.session.read().await;
        let s = guard.as_ref().ok_or_else(not_signed_in)?;
        let mut rows: Vec<StreamRow> = s
            .replica
            .entities("stream")
            .await?
            .into_iter()
            .filter_map(|e| match e {
                Entity::Stream(stream) => Some(StreamRow {
                    stream,
                    sync: RowSync::Synced,
                    problem: None,
                }),
                _ => None,
            })
            .collect();
        for (entry, m) in s.replica.outbox().await? {
            let problem = RowProblem::refused(&entry);
            let sync = if problem.is_some() {
                RowSync::Rejected
            } else if entry.state == "pending" {
                RowSync::Pending
            } else {
                RowSync::Synced
            };
            match m {
                Mutation::AddStream {
                    stream_id,
                    name,
                    category,
                    stream_url,
                } => match rows.iter_mut().find(|r| r.stream.id == stream_id) {
                    Some(row) => {
                        row.sync = sync;
                        row.problem = problem;
                    }
                    None => rows.push(StreamRow {
                        stream: Stream {
                            id: stream_id,
                            name,
                            category,
                            stream_url,
                        },
                        sync,
                        problem,
                    }),
                },
                Mutation::RemoveStream { stream_id } => {
                    if problem.is_some() {
                        if let Some(row) = rows.iter_mut().find(|r| r.stream.id == stream_id) {
                            row.sync = sync;
                            row.problem = problem;
                        }
                    } else {
                        rows.retain(|r| r.stream.id != stream_id);
                    }
                }
                _ => {}
            }
        }
        rows.sort_by(|a, b| {
            (
                a.stream.category.to_lowercase(),
                a.stream.name.to_lowercase(),
            )
                .cmp(&(
                    b.stream.category.to_lowercase(),
                    b.stream.name.to_lowercase(),
                ))
        });
        let company = profile_of(s).await?.map(|p| p.company).unwrap_or_default();
        drop(guard);
        let held = rows.iter().filter(|r| r.sync != RowSync::Rejected).count();
        Ok(ContentView {
            partner_id: None,
            partner_company: company,
            allowance: self.allowance(Limited::Streams, held).await?,
            streams: rows,
        })
    }

    /// Adds a stream to the partner's catalog (works offline).
    pub async fn add_stream(&self, args: AddStreamArgs) -> CoreResult<ContentView> {
        self.require(Role::Partner, "manage a content catalog")
            .await?;
        let form = forms::accept(&FormArgs::Stream {
            name: args.name,
            category: args.category,
            stream_url: args.stream_url,
        })?;
        let value = |field| form.value(field).unwrap_or_default();
        let (name, category, url) = (value("name"), value("category"), value("stream_url"));
        // The package's limit, checked before queuing (the server holds it again).
        if let Some(a) = self.my_content().await?.allowance {
            a.room_for_one(Limited::Streams)?;
        }
        let m = Mutation::AddStream {
            stream_id: uuid::Uuid::new_v4().to_string(),
            name: name.clone(),
            category,
            stream_url: url,
        };
        self.queue(&m, Later::new("edit-add-stream", args! {"name" => &name}))
            .await?;
        self.my_content().await
    }

    /// Removes a stream from the catalog; linked resellers stop seeing it.
    pub async fn remove_stream(&self, args: StreamArgs) -> CoreResult<ContentView> {
        let current = self.my_content().await?;
        let Some(row) = current
            .streams
            .iter()
            .find(|r| r.stream.id == args.stream_id)
        else {
            return Err(ErrorBody::new(
                Code::StreamNotFound,
                "This stream is no longer in your catalog.",
            ));
        };
        let m = Mutation::RemoveStream {
            stream_id: args.stream_id.clone(),
        };
        self.queue(
            &m,
            Later::new("edit-remove-stream", args! {"name" => &row.stream.name}),
        )
        .await?;
        self.my_content().await
    }

    /// Settings → Reseller services, with the "view as a reseller" preview.
    pub async fn reseller_settings(&self) -> CoreResult<ResellerSettingsView> {
        self.require(Role::Partner, "offer reseller services")
            .await?;
        let guard = self.session.read().await;
        let s = guard.as_ref().ok_or_else(not_signed_in)?;
        let profile = profile_of(s).await?;
        let mut settings = s
            .replica
            .entities("reseller_settings")
            .await?
            .into_iter()
            .find_map(|e| match e {
                Entity::ResellerSettings(r) => Some(r),
                _ => None,
            })
            .unwrap_or_else(|| ResellerSettings {
                offers_reseller_services: profile
                    .as_ref()
                    .is_none_or(|p| p.offers_reseller_services),
                website: None,
                messenger: None,
                address: None,
                note: None,
                visible: ContactVisibility::default(),
                version: 0,
            });
        let (mut sync, mut problem) = (RowSync::Synced, None);
        for (entry, m) in s.replica.outbox().await? {
            let Mutation::UpdateResellerSettings {
                offers_reseller_services,
                website,
                messenger,
                address,
                note,
                visible,
                ..
            } = m
            else {
                continue;
            };
            if entry.state == "rejected" {
                sync = RowSync::Rejected;
                problem = RowProblem::refused(&entry);
                continue;
            }
            settings.offers_reseller_services = offers_reseller_services;
            settings.website = website;
            settings.messenger = messenger;
            settings.address = address;
            settings.note = note;
            settings.visible = visible;
            if entry.state == "pending" && sync != RowSync::Rejected {
                sync = RowSync::Pending;
            }
        }
        let (company, country, email, phone) = profile.map_or_else(Default::default, |p| {
            (p.company, p.country, p.email, p.phone)
        });
        let preview = preview_of(&settings, &company, &country, &email, &phone);
        Ok(ResellerSettingsView {
            settings,
            email,
            phone,
            company,
            country,
            preview,
            sync,
            problem,
        })
    }

    /// What resellers would see with these (unsaved) values: the directory card, or `None`
    /// when the partner would not be listed.
    pub async fn preview_reseller_settings(
        &self,
        args: ResellerSettingsArgs,
    ) -> CoreResult<Option<DirectoryEntry>> {
        let view = self.reseller_settings().await?;
        let draft = settings_of(args, view.settings.version);
        Ok(preview_of(
            &draft,
            &view.company,
            &view.country,
            &view.email,
            &view.phone,
        ))
    }

    /// Saves Settings → Reseller services (works offline). Opting out cancels pending
    /// requests and hides the partner from the directory once it syncs.
    pub async fn update_reseller_settings(
        &self,
        args: ResellerSettingsArgs,
    ) -> CoreResult<ResellerSettingsView> {
        let text = |v: &Option<String>| v.clone().unwrap_or_default();
        forms::accept(&FormArgs::ResellerDetails {
            website: text(&args.website),
            messenger: text(&args.messenger),
            address: text(&args.address),
            note: text(&args.note),
        })?;
        let _one = self.editing.lock().await;
        let current = self.reseller_settings().await?;
        let guard = self.session.read().await;
        let s = guard.as_ref().ok_or_else(not_signed_in)?;
        let queued = s
            .replica
            .outbox()
            .await?
            .into_iter()
            .filter(|(row, m)| {
                row.state != "rejected" && matches!(m, Mutation::UpdateResellerSettings { .. })
            })
            .count();
        drop(guard);
        // The version the settings will have once every queued edit of them is applied.
        let base_version = current.settings.version + i64::try_from(queued).unwrap_or(0);
        let s = settings_of(args, base_version);
        let m = Mutation::UpdateResellerSettings {
            base_version,
            offers_reseller_services: s.offers_reseller_services,
            website: s.website,
            messenger: s.messenger,
            address: s.address,
            note: s.note,
            visible: s.visible,
        };
        self.queue(&m, Later::new("edit-reseller-settings", Args::new()))
            .await?;
        self.reseller_settings().await
    }

    /// The audit log, newest first, 100 entries a page (read from the server).
    pub async fn audit_log(&self, args: AuditArgs) -> CoreResult<Vec<AuditEntry>> {
        let mut path = "/api/v1/audit?limit=100".to_owned();
        if let Some(b) = args.before {
            path.push_str(&format!("&before={b}"));
        }
        if let Some(t) = args.since {
            let t = t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
            path.push_str(&format!(
                "&since={}",
                url::form_urlencoded::byte_serialize(t.as_bytes()).collect::<String>()
            ));
        }
        self.authorized(|api, token| {
            let path = path.clone();
            async move { api.get(&path, Some(&token)).await }
        })
        .await
    }
}

/// The settings as `args` save them: each typed detail trimmed, and absent when blank.
fn settings_of(args: ResellerSettingsArgs, version: i64) -> ResellerSettings {
    let clean = |v: Option<String>| v.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());
    ResellerSettings {
        offers_reseller_services: args.offers_reseller_services,
        website: clean(args.website),
        messenger: clean(args.messenger),
        address: clean(args.address),
        note: clean(args.note),
        visible: args.visible,
        version,
    }
}

/// The directory card resellers see for `settings`: a detail shows when its box is ticked
/// and it has a value; `None` when the partner does not offer reseller services.
fn preview_of(
    settings: &ResellerSettings,
    company: &str,
    country: &str,
    email: &str,
    phone: &str,
) -> Option<DirectoryEntry> {
    settings.offers_reseller_services.then(|| {
        let v = settings.visible;
        let shown = |on: bool, value: Option<&str>| value.filter(|_| on).map(str::to_owned);
        DirectoryEntry {
            partner_id: 0,
            company: company.to_owned(),
            country: country.to_owned(),
            contacts: VisibleContacts {
                email: shown(v.email, Some(email)),
                phone: shown(v.phone, Some(phone)),
                website: shown(v.website, settings.website.as_deref()),
                messenger: shown(v.messenger, settings.messenger.as_deref()),
                address: shown(v.address, settings.address.as_deref()),
                note: shown(v.note, settings.note.as_deref()),
            },
        }
    })
}

async fn profile_of(s: &super::state::Session) -> CoreResult<Option<Profile>> {
    Ok(s.replica
        .entities("profile")
        .await?
        .into_iter()
        .find_map(|e| match e {
            Entity::Profile(p) => Some(p),
            _ => None,
        }))
}

async fn latest_notifications(s: &super::state::Session) -> CoreResult<Vec<Notification>> {
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
    Ok(notifications)
}
