# What the desktop app shows. Screens move here from the components one by one; a check
# in the test command lists the components that still hold English text of their own.

## The language switch

language-label = Language
language-follows-system = Follows your computer's language until you choose one.
language-changed = The app is now in English.

## Sections of the sidebar

nav-sections = Sections
nav-dashboard = Dashboard
nav-providers = Providers
nav-subscribers = Subscribers
nav-resellers = Resellers
nav-partners = Partners
nav-requests = Requests
nav-content = Content
nav-activity = Activity log
nav-billing = Billing
nav-settings = Settings
role-partner = Partner
role-reseller = Reseller
role-dealer = Dealer
role-operator = Operator
sign-out = Sign out
sign-out-busy = Signing out…
download-again = Download all data again

## Counts and times

days-left = { $days ->
    [one] { $days } day left
   *[other] { $days } days left
}
changes-waiting = { $count ->
    [one] { $count } change waiting
   *[other] { $count } changes waiting
}
just-now = just now

## Sync, in the top bar

sync-online = Online
sync-offline = Offline
sync-online-title = Connected to the server
sync-offline-title = The server cannot be reached. Your edits are kept and sync when it is reachable again.
sync-offline-said = { $message } Your edits are kept and sync when the server is reachable again.
sync-last = Last sync { $ago }
sync-never = Never synced
sync-progress = Downloading { $done } of { $total } changes
sync-now = Sync now
sync-busy = Syncing…

## The account's banner

banner-trial = Trial: { $left }
banner-trial-ends = — ends on { $date }.
banner-trial-all = All functions of your package are available during the trial.
banner-trial-soon = Pay for your package before then to keep access for you, your dealers and resellers.
banner-pay-now = Pay now
banner-locked = Your account is locked.
banner-locked-detail = Access ended on { $date }. Pay for your package to restore it; your data is kept for 30 days after that date, then deleted for good.
banner-go-billing = Go to Billing
banner-paid = Paid period: { $left }
banner-paid-ends = — ends on { $date }. Pay the next invoice to keep access.

## Signing in

login-title = Sign in
login-subtitle = Welcome back to WP Play Partner Desk.
login-server = Server address
login-server-hint = The address your WP Play operator gave you.
login-username = Username
login-password = Password
login-submit = Sign in
login-busy = Signing in…
login-new-partner = New partner?
login-register = Register as a new partner
login-forgot = Forgot password?
login-code-title = Two-step sign-in
login-code-explain = Your password is right. Enter the 6-digit code your authenticator app shows for WP Play, or one of your recovery codes.
login-code = Code
login-code-hint = A new code appears every 30 seconds; each works once.
login-code-missing = Enter the code from your authenticator app.
login-code-submit = Verify and sign in
login-code-busy = Checking…
login-code-back = Use a different account
recover-title = Recover your password
recover-subtitle = A code by e-mail or SMS lets you choose a new one.
recover-explain = Enter your username or the e-mail address you registered with. We send a code to your account's e-mail or phone.
recover-login = Username or e-mail
recover-login-hint = Dealers without an e-mail of their own: ask your partner to set a new password.
recover-login-missing = Enter your username or e-mail address.
recover-send = Send code
recover-sending = Sending…
recover-sent = If this account can recover its password, a code is on its way to its e-mail or phone. It works for { $minutes } minutes.
recover-sent-again = A new code is on its way; the one before no longer works. It works for { $minutes } minutes.
recover-code = Code
recover-code-hint = The six digits from the message; a new code replaces the one before.
recover-code-missing = Enter the code from the message.
recover-submit = Set password and sign in
recover-resend = Send a new code
recover-back = Back to sign-in
login-missing = Enter your { $field ->
    [server] server address
    [username] username
   *[password] password
}.
login-forget = Remove this account's data from this computer…
login-registered = Sign in with the username and password we sent { $via ->
    [sms] by SMS
   *[email] by e-mail
} to { $destination }.
forget-title = Remove this account's data?
forget-confirm = Remove data
forget-what = The copy of { $username }'s dealers, subscribers and other data kept on this computer, and its saved sign-in, are deleted. Nothing changes on the server: signing in again downloads everything anew.
forget-lost = Changes made offline that have not reached the server yet are lost.
forget-done = The data of { $username } was removed from this computer. Signing in again downloads it anew.
forget-nothing = This computer kept no data of { $username } on { $server }.
password-change-title = Choose a new password
password-change-subtitle = One more step before you start.

## Starting, updates

startup-loading = Starting Partner Desk…
startup-failed-hint = Restart the app if this keeps happening.
try-again = Try again
update-verified = Version { $version } is downloaded and its signature checked.
update-test-build = This test build stops here instead of installing it.
update-available = Version { $version } is available
update-install = Install and restart
update-downloading = Downloading…

## The signed-in frame

session-ended = Your session has ended. Sign in again to continue.
server-unreachable = The server could not be reached.
edits-stay-retry = Your edits stay on this computer; try again in a moment.
synced = Synced with the server.
edits-stay-offline = Your edits stay on this computer; try again when you are back online.
resync-done = All data downloaded again from the server.
resync-later = The data is downloaded as soon as the server is reachable again; your edits are kept.
still-signed-in = You are still signed in; try again.
keychain-not-saved = Sign-in not saved.
dismiss = Dismiss
add-dealer = Add Dealer
offline-title = Offline.
offline-edits-waiting = Your edits are saved on this computer and sync when the server is reachable again.
offline-keep-working = You can keep working; edits sync when the server is reachable again.
dashboard-failed-hint = Try again, or sign out and sign in again.
dashboard-loading = Loading your dashboard
resync-title = Download all data again?
resync-confirm = Download again
resync-what = Everything this app shows is downloaded from the server again. Edits waiting to sync are kept and go through as usual.
resync-when = Use this when something on this computer looks out of date or wrong. It needs a connection to the server.

## The account's state (dashboard and billing)

account-state-trial = Trial
account-state-active = Active
account-state-locked = Locked
card-subscription = Subscription
access-denied = Access denied
access-ended-restore = Access ended on { $date }. Pay for your package to restore it with all your data.
trial-ends-on = Free trial ends on
paid-through = Paid through

## Dashboard

card-profile = Company profile
waiting-to-sync = Waiting to sync
profile-company = Company
profile-email = E-mail
profile-country = Country
profile-contact = Contact person
profile-phone = Phone
example = e.g. { $example }
profile-saved-offline = Profile saved on this computer.
profile-saved-offline-hint = It is waiting to sync and goes to the server automatically.
profile-saved = Profile saved.
profile-pending = Changes are saved on this computer and waiting to sync.
profile-how = Saved changes sync to the server, even after working offline.
cancel = Cancel
save = Save
saving = Saving…
card-resellers = Resellers & notifications
resellers-loading = Loading requests and notifications
requests-waiting = { $count ->
    [one] Request for Partner waits for your answer
   *[other] Requests for Partner wait for your answer
}
answer-requests = Answer requests
open-resellers = Open Resellers
latest-notifications = Latest notifications
notifications-none = No notifications yet. Requests, answers and removals show here.
card-getting-started = Getting started
start-intro = Your trial includes every function of your package. Here is how to get going:
start-password =
    .title = Choose your own password
    .text = Done at your first sign-in. The generated password no longer works.
start-profile =
    .title = Check your company profile
    .text = Keep the contact person and phone current: dealers and resellers reach you there.
start-dealers =
    .title = Add your dealers
    .text = In Providers → My Dealers, give each dealer a username and password to sign in with.
start-resellers =
    .title = Decide about resellers
    .text = Accept or reject Requests for Partner under Resellers; choose what contact details they see in Settings.
start-pay =
    .title = Pay before the trial ends
    .text = Pay the pro forma invoice we e-mail you to keep access for you, your dealers and resellers.
step-done = (done)
start-offline = Partner Desk keeps a copy of your data on this computer: you can keep working offline, and your changes sync when the connection returns.
dashboard-empty = Your account's details have not reached this computer yet. They appear after the first sync — use “Sync now” at the top right.
card-package = Package
change-package = Change package
per-month = / month
package-retired = No longer offered to new partners; you keep it for as long as you stay on it.
next-period = Next period:
next-from = from { $date }; until then you keep { $package }.
limit-subscribers = Subscribers
limit-streams = Streams
up-to = up to { $count }

## Shared pieces of every page

page-previous = Previous
page-previous-label = Previous page
page-next = Next
page-next-label = Next page
export-csv = Export CSV
export-busy = Exporting…
export-invoices = Export invoices
export-payments = Export payments
export-none = { $what ->
    [entries] No entries to export
    [dealers] No dealers to export
    [payments] No payments to export
    [invoices] No invoices to export
   *[lines] No lines to export
}
export-title = { $what ->
    [entries] Save the entries shown (as filtered) to a CSV file
    [dealers] Save the dealers shown (all pages, as filtered and sorted) to a CSV file
    [payments] Save the payments shown (all of them, as chosen) to a CSV file
    [invoices] Save every partner's invoices to a CSV file
   *[lines] Save the lines shown (all pages, as filtered and sorted) to a CSV file
}
retry = Retry
retrying = Retrying…
try-in-a-moment = Try again in a moment.
stale-read = Showing what was read last; trying again in a moment.
trying-in-a-moment = Trying again in a moment.
discard = Discard
discarding = Discarding…
discard-label = Discard the refused change to { $what }
discard-to-start-again = Discard it from the table to start again from what the server has.
close = Close
allowance-title = The { $package } package allows { $max } { $noun ->
    [streams] streams
   *[lines] lines
}
refused-conflict = Conflict
refused-conflict-message = { $thing ->
    [dealer] Another device changed this dealer first; your change was not applied.
    [stream] Another device changed this stream first; your change was not applied.
    [settings] Another device changed these settings first; your change was not applied.
   *[line] Another device changed this line first; your change was not applied.
}
refused-conflict-short = Another device changed it first.
refused-conflict-tip = { $thing ->
    [dealer] Drop your change and show the dealer as the other device left it; then edit again if needed.
    [stream] Drop your change and show the stream as the other device left it; then edit again if needed.
    [settings] Drop your change and show the settings as the other device left them; then edit again if needed.
   *[line] Drop your change and show the line as the other device left it; then edit again if needed.
}
refused = Rejected
refused-message = The server refused this change.
refused-tip = Drop the refused change and show what the server has.
hint-ipc-error = Check the server address and your connection, then try again.
hint-missing-field = Fill in the highlighted field and try again.
allowance-of = of { $max } { $noun ->
    [streams] streams
   *[lines] lines
}
allowance-full = Limit of the { $package } package reached — a bigger package under Billing lifts it.

## The system tray and the app's own alerts

tray-open = Open WP Play Partner Desk
tray-sync-now = Sync now
tray-pending-requests = Pending requests
tray-pending-requests-count = Pending requests ({ $count })
tray-quit = Quit
tray-signed-out = Signed out
tray-requests = { $count ->
    [one] { $count } Request for Partner waiting for your answer
   *[other] { $count } Requests for Partner waiting for your answer
}
tray-locked = Account locked: pay under Billing to unlock
tray-ends-today = { $period ->
    [trial] Trial ends today
   *[paid] Paid period ends today
}
tray-days-left = { $period ->
    [trial] Trial: { $days ->
        [one] { $days } day left
       *[other] { $days } days left
    }
   *[paid] Paid period: { $days ->
        [one] { $days } day left
       *[other] { $days } days left
    }
}
tray-refused = { $count ->
    [one] { $count } edit refused by the server: open the app to fix
   *[other] { $count } edits refused by the server: open the app to fix
}
tray-synced = Online, everything synced
tray-online-waiting = { $count ->
    [one] Online, { $count } change waiting to sync
   *[other] Online, { $count } changes waiting to sync
}
tray-offline = Offline
tray-offline-waiting = { $count ->
    [one] Offline, { $count } change waiting to sync
   *[other] Offline, { $count } changes waiting to sync
}
alert-ends-on = It ends on { $when }. Pay the pro forma invoice under Billing to keep working.
alert-ends-at = It ends at { $when }. Pay the pro forma invoice under Billing to keep working.
alert-locked =
    .title = Your account is locked
    .body = { $period ->
        [trial] Your free trial ended unpaid. Your data is kept until { $purge }; pay under Billing to unlock.
       *[paid] Your paid period ended unpaid. Your data is kept until { $purge }; pay under Billing to unlock.
    }
alert-purge = Unless you pay, everything you entered is deleted on { $purge }.

## CSV exports (columns and values)

csv-name = Name
csv-username = Username
csv-email = E-mail
csv-phone = Phone
csv-status = Status
csv-subscribers = Subscribers
csv-sync = Sync
csv-line-username = Line username
csv-mac = MAC address
csv-dealer = Dealer
csv-expires = Expires (UTC)
csv-state = State
csv-active = Active
csv-inactive = Inactive
csv-disabled = Disabled
csv-suspended = Suspended
csv-expired = Expired
csv-synced = Synced
csv-waiting = Waiting to sync
csv-refused = Refused by the server
csv-when = When
csv-who = Who
csv-role = Role
csv-what = What
csv-which = Which
csv-outcome = Outcome
csv-received = Received
csv-amount = Amount
csv-currency = Currency
csv-payer = Paid by
csv-payer-account = Payer's account
csv-reference = Reference and text
csv-invoice = Invoice
csv-source = Came in as
csv-bank-id = Bank or provider id
csv-note = Note
csv-partner = Partner
csv-package = Package
csv-period-start = Period from
csv-period-end = Period to
csv-paid-amount = Paid
csv-due = Left to pay
csv-issued = Issued
csv-open = Open
csv-partly-paid = Partly paid
csv-paid = Paid
earlier-changes-waiting = Earlier changes to { $what } are saved on this computer and waiting to sync.
page-range = { $first }–{ $last } of { $total }
page-of = Page { $page } of { $pages }
needs-connection = { $subject } needs a connection to the server
sync-later = Saved on this computer — it syncs when the server is reachable.
brand-name = WP Play
brand-product = Partner Desk
update-needed = Update needed.
update-needed-waiting = { $count ->
    [one] { $count } change waiting stays on this computer and syncs after the update.
   *[other] { $count } changes waiting stay on this computer and sync after the update.
}
update-needed-read = You can still read everything on this computer; changes sync after the update.
update-install-version = Install version { $version } and restart
update-checking = Checking…
update-check = Check for the update
copy-selected = { $what } is selected.
copy-press = Press Ctrl+C (⌘C on a Mac) to copy it.
copy-unavailable = Copying is not available here.
copy-select-yourself = Select { $what } and copy it with Ctrl+C (⌘C on a Mac).
exported-rows = { $count ->
    [one] Exported { $count } row
   *[other] Exported { $count } rows
}
export-failed-hint = Nothing was exported; try again.
discarded-conflict = Your change to { $name } was discarded; it shows the other device's version.
discarded-refused = The refused change to { $name } was discarded.
discard-failed-hint = The change is still listed; try again.
core-no-answer = The app's core did not answer. Restart WP Play Partner Desk and try again.

## Edits waiting to be sent (the dashboard lists those the server refused)

edit-add-dealer = Add dealer { $name }
edit-edit-dealer = Edit dealer { $name }
edit-reset-dealer-password = New password for dealer { $name }
edit-reactivate-dealer = Reactivate dealer { $name }
edit-deactivate-dealer = Deactivate dealer { $name }
edit-delete-dealer = { $count ->
    [one] Delete dealer { $name } and { $count } subscriber
   *[other] Delete dealer { $name } and { $count } subscribers
}
edit-add-subscriber = Add subscriber { $name }
edit-edit-subscriber = Edit subscriber { $name }
edit-extend-subscriber = { $days ->
    [one] Extend subscriber { $name } by { $days } day
   *[other] Extend subscriber { $name } by { $days } days
}
edit-remove-subscriber = Remove subscriber { $name }
edit-add-stream = Add stream { $name }
edit-remove-stream = Remove stream { $name }
edit-request-partner = Request for Partner: { $company }
edit-withdraw-request = Withdraw Request for Partner: { $company }
edit-accept-request = Accept a Request for Partner
edit-reject-request = Reject a Request for Partner
edit-remove-reseller = Remove My Reseller
edit-reseller-settings = Settings: reseller services
edit-profile = Profile: contact person and phone
edit-language = Language: { $language }
edit-notifications = Notifications: how news reaches you
language-for-messages = E-mails, text messages and invoices from WP Play follow it too.
keychain-store-failed = This computer's keychain (its password store) is locked or missing, so your sign-in could not be saved in it: the next time you start the app it will ask for your password again. Everything else works as usual.
keychain-load-failed = This computer's keychain (its password store) is locked or missing, so the app could not sign you in by itself: sign in again. Your data and waiting changes on this computer are kept.

## Devices and sessions (Settings)

devices-title = Signed-in devices
devices-loading = Reading where you are signed in…
devices-need-connection = The list of devices needs a connection to the server.
devices-unnamed = A device without a name
devices-this-one = This computer
devices-platform = { $platform }, app { $version } ·
devices-seen = last used { $ago } from { $address }
devices-since = Signed in { $when }
devices-end = Sign out
devices-end-others = Sign out all others
devices-ended = That device is signed out.
devices-others-ended = Every other device is signed out.

## Two-factor sign-in (Settings)

twofa-title = Two-factor sign-in
twofa-off = Off. Turn it on and every sign-in asks for a code from an authenticator app on your phone (Google Authenticator, Microsoft Authenticator, Aegis…) after the password.
twofa-start = Turn on two-factor sign-in
twofa-on = On
twofa-on-since = On since { $when }
twofa-codes-left = { $count ->
    [one] 1 recovery code left
   *[other] { $count } recovery codes left
}
twofa-required = Your account must use two-factor sign-in, so it stays on.
twofa-required-how = Your account must use two-factor sign-in. Install an authenticator app on your phone (Google Authenticator, Microsoft Authenticator, Aegis…), then turn it on here.
twofa-setup-subtitle = One more step: every sign-in will also ask for a code from your phone.
twofa-step-scan = 1. Scan this QR code with your authenticator app.
twofa-step-type = Or type this key into the app by hand:
twofa-step-code = 2. Enter the 6-digit code the app now shows.
twofa-qr-alt = QR code for your authenticator app
twofa-code = Code from the app
twofa-confirm = Confirm and turn on
twofa-cancel = Cancel
twofa-codes-title = Save your recovery codes
twofa-codes-explain = If you lose your phone, each of these codes signs you in once instead of the app's code. They are shown only now: print them or keep them in a password manager.
twofa-codes-copy = Copy codes
twofa-codes-copied = The recovery codes are copied.
twofa-codes-done = I have saved them
twofa-enabled = Two-factor sign-in is on.
twofa-disable-code = Current code
twofa-disable = Turn off
twofa-disabled = Two-factor sign-in is off.
twofa-dealers = My dealers must use two-factor sign-in
twofa-dealers-note = A dealer without it is asked to set it up at its next request.
twofa-dealers-on = Your dealers must now sign in with two-factor sign-in.
twofa-dealers-off = Your dealers may sign in with their password alone.
twofa-need-connection = Two-factor sign-in is set up with a connection to the server.
twofa-setup-title = Set up two-factor sign-in

## Notification preferences.
notify-title = Notifications
notify-intro = How news from WP Play reaches you, topic by topic.
notify-topic = Topic
notify-topic-reminders = Reminders
notify-topic-reminders-detail = Your trial or month ending, a lock, the deletion of data
notify-topic-billing = Invoices and payments
notify-topic-billing-detail = A new invoice, a payment received
notify-topic-network = Reseller network
notify-topic-network-detail = Requests for Partner, answers, resellers leaving
notify-channel-email = E-mail
notify-channel-sms = SMS
notify-channel-in_app = In the app
notify-by = { $topic } by { $channel }
notify-reminders-needed = Reminders must reach you one way at least: a lock or the deletion of your data should never come as a surprise.
notify-always = Your credentials, password recovery and new sign-ins to your account always reach you.
notify-saved = Notifications saved
notify-saved-hint = The app follows your choice at once; WP Play's e-mails and SMS from the next one.
notify-not-saved = Nothing was changed.
