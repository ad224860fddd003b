//! The system tray's model: the alert count beside the icon, the tooltip and the menu,
//! computed here from the replica so the shell only draws it.
//!
//! Alerts are what the user should act on: Requests for Partner waiting for an answer,
//! an account whose access ends in under 7 days (or is locked), and edits the server
//! refused that wait to be fixed or discarded.

use super::state::Core;
use crate::error::CoreResult;
use crate::view::{TrayAction, TrayItem, TrayModel};
use wpplay_i18n::{Args, Lang, args, text};
use wpplay_wire::auth::Role;

/// Access ending within this many days counts as an alert.
pub const DAYS_LEFT_ALERT: i64 = 7;

/// What the tray is computed from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrayInputs {
    /// `None`: nobody is signed in.
    pub account: Option<String>,
    pub role: Option<Role>,
    /// Requests for Partner still waiting for this partner's answer (and not answered
    /// offline meanwhile).
    pub pending_requests: usize,
    /// `trial`, `active` or `locked`, with whole days left; `None` for accounts without
    /// a subscription (resellers, dealers).
    pub access: Option<(String, i64)>,
    pub rejected_edits: usize,
    pub changes_waiting: i64,
    pub online: bool,
    /// The language of the tooltip and the menu.
    pub lang: Lang,
}

/// The tray for `inputs`, in `inputs.lang`.
pub fn tray_model(inputs: &TrayInputs) -> TrayModel {
    let lang = inputs.lang;
    let say = |id: &str, args: Option<Args>| text(lang, id, args.as_ref());
    let count = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
    let signed_in = inputs.account.is_some();
    let is_partner = inputs.role == Some(Role::Partner);
    let mut lines = vec!["WP Play Partner Desk".to_owned()];
    let mut alerts = 0usize;
    match &inputs.account {
        None => lines.push(say("tray-signed-out", None)),
        Some(account) => lines.push(account.clone()),
    }
    if signed_in && is_partner && inputs.pending_requests > 0 {
        alerts += inputs.pending_requests;
        lines.push(say(
            "tray-requests",
            Some(args! {"count" => count(inputs.pending_requests)}),
        ));
    }
    if let Some((state, days)) = inputs.access.as_ref().filter(|_| signed_in) {
        match state.as_str() {
            "locked" => {
                alerts += 1;
                lines.push(say("tray-locked", None));
            }
            "trial" | "active" if *days < DAYS_LEFT_ALERT => {
                alerts += 1;
                let period = if state == "trial" { "trial" } else { "paid" };
                lines.push(if *days <= 0 {
                    say("tray-ends-today", Some(args! {"period" => period}))
                } else {
                    say(
                        "tray-days-left",
                        Some(args! {"period" => period, "days" => *days}),
                    )
                });
            }
            _ => {}
        }
    }
    if signed_in && inputs.rejected_edits > 0 {
        alerts += inputs.rejected_edits;
        lines.push(say(
            "tray-refused",
            Some(args! {"count" => count(inputs.rejected_edits)}),
        ));
    }
    if signed_in {
        let waiting = inputs.changes_waiting;
        lines.push(match (inputs.online, waiting) {
            (true, 0) => say("tray-synced", None),
            (true, n) => say("tray-online-waiting", Some(args! {"count" => n})),
            (false, 0) => say("tray-offline", None),
            (false, n) => say("tray-offline-waiting", Some(args! {"count" => n})),
        });
    }
    let requests_label = if is_partner && inputs.pending_requests > 0 {
        say(
            "tray-pending-requests-count",
            Some(args! {"count" => count(inputs.pending_requests)}),
        )
    } else {
        say("tray-pending-requests", None)
    };
    TrayModel {
        alert_count: alerts,
        title: if alerts > 0 {
            alerts.to_string()
        } else {
            String::new()
        },
        tooltip: lines.join("\n"),
        menu: vec![
            TrayItem {
                action: TrayAction::Open,
                label: say("tray-open", None),
                enabled: true,
            },
            TrayItem {
                action: TrayAction::SyncNow,
                label: say("tray-sync-now", None),
                enabled: signed_in,
            },
            TrayItem {
                action: TrayAction::PendingRequests,
                label: requests_label,
                enabled: signed_in && is_partner,
            },
            TrayItem {
                action: TrayAction::Quit,
                label: say("tray-quit", None),
                enabled: true,
            },
        ],
    }
}

impl Core {
    /// The tray as it should look now (signed out: a plain tray with Open and Quit).
    pub async fn tray(&self) -> CoreResult<TrayModel> {
        let signed_in = self.session.read().await.is_some();
        if !signed_in {
            return Ok(tray_model(&TrayInputs {
                lang: self.lang_now(),
                ..TrayInputs::default()
            }));
        }
        let dash = self.dashboard_view().await?;
        let pending_requests = if dash.session.role == Role::Partner {
            self.resellers()
                .await?
                .incoming
                .iter()
                .filter(|r| !r.answering)
                .count()
        } else {
            0
        };
        let account = dash
            .profile
            .as_ref()
            .map(|p| p.company.clone())
            .unwrap_or_else(|| dash.session.username.clone());
        Ok(tray_model(&TrayInputs {
            account: Some(account),
            role: Some(dash.session.role),
            pending_requests,
            access: dash
                .subscription
                .as_ref()
                .map(|s| (s.state.clone(), s.days_left)),
            rejected_edits: dash.sync.rejected.len(),
            changes_waiting: dash.sync.pending_changes,
            online: dash.sync.online,
            lang: self.lang_now(),
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn partner() -> TrayInputs {
        TrayInputs {
            account: Some("Desk Media d.o.o.".into()),
            role: Some(Role::Partner),
            access: Some(("trial".into(), 14)),
            online: true,
            ..TrayInputs::default()
        }
    }

    fn labels(m: &TrayModel) -> Vec<(&str, bool)> {
        m.menu
            .iter()
            .map(|i| (i.label.as_str(), i.enabled))
            .collect()
    }

    #[test]
    fn signed_out_is_quiet_with_open_and_quit() {
        let m = tray_model(&TrayInputs::default());
        assert_eq!(m.alert_count, 0);
        assert_eq!(m.title, "");
        assert_eq!(m.tooltip, "WP Play Partner Desk\nSigned out");
        assert_eq!(
            labels(&m),
            [
                ("Open WP Play Partner Desk", true),
                ("Sync now", false),
                ("Pending requests", false),
                ("Quit", true)
            ]
        );
    }

    #[test]
    fn nothing_to_act_on_means_no_count() {
        let m = tray_model(&partner());
        assert_eq!((m.alert_count, m.title.as_str()), (0, ""));
        assert_eq!(
            m.tooltip,
            "WP Play Partner Desk\nDesk Media d.o.o.\nOnline, everything synced"
        );
    }

    #[test]
    fn requests_days_left_and_refused_edits_add_up() {
        let m = tray_model(&TrayInputs {
            pending_requests: 2,
            access: Some(("trial".into(), 5)),
            rejected_edits: 1,
            changes_waiting: 3,
            online: false,
            ..partner()
        });
        assert_eq!(m.alert_count, 4);
        assert_eq!(m.title, "4");
        assert_eq!(
            m.tooltip,
            "WP Play Partner Desk\nDesk Media d.o.o.\n\
             2 Requests for Partner waiting for your answer\n\
             Trial: 5 days left\n\
             1 edit refused by the server: open the app to fix\n\
             Offline, 3 changes waiting to sync"
        );
        assert_eq!(labels(&m)[2], ("Pending requests (2)", true));
    }

    #[test]
    fn days_left_counts_only_under_seven_and_locked_always() {
        let at = |state: &str, days| {
            tray_model(&TrayInputs {
                access: Some((state.into(), days)),
                ..partner()
            })
        };
        assert_eq!(at("trial", 7).alert_count, 0);
        assert_eq!(at("active", 6).alert_count, 1);
        assert!(at("active", 1).tooltip.contains("Paid period: 1 day left"));
        assert!(at("trial", 0).tooltip.contains("Trial ends today"));
        let locked = at("locked", 0);
        assert_eq!(locked.alert_count, 1);
        assert!(locked.tooltip.contains("Account locked"));
    }

    #[test]
    fn only_partners_have_requests_to_answer() {
        let m = tray_model(&TrayInputs {
            role: Some(Role::Reseller),
            pending_requests: 3,
            access: None,
            ..partner()
        });
        assert_eq!(m.alert_count, 0);
        assert_eq!(labels(&m)[2], ("Pending requests", false));
    }

    #[test]
    fn the_tray_speaks_the_apps_language_with_its_plural_forms() {
        let m = tray_model(&TrayInputs {
            pending_requests: 2,
            access: Some(("trial".into(), 3)),
            changes_waiting: 5,
            lang: Lang::SrLatn,
            ..partner()
        });
        assert_eq!(
            m.tooltip,
            "WP Play Partner Desk\nDesk Media d.o.o.\n2 Zahteva za partnerstvo čekaju vaš odgovor\n\
             Probni period: preostala su 3 dana\nNa mreži, 5 izmena čeka sinhronizaciju"
        );
        assert_eq!(labels(&m)[2], ("Zahtevi na čekanju (2)", true));
        let cyrillic = tray_model(&TrayInputs {
            lang: Lang::SrCyrl,
            ..partner()
        });
        assert_eq!(labels(&cyrillic)[0], ("Отвори WP Play Partner Desk", true));
    }
}
