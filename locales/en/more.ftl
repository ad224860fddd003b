# Messages of the app's more screens (see app.ftl).

## Settings → Reseller services

settings-title = Reseller services
settings-loading = Loading your settings
settings-offers-question = Do you provide services to resellers?
settings-offers-yes =
    .title = I provide services to Resellers
    .desc = You are listed in the partner directory. Resellers see the contact details you make visible below and can send you a Request for Partner.
settings-offers-no =
    .title = I do not want to provide services to Resellers
    .desc = Your company is hidden from the partner directory and your contact details are never shown. Pending Requests for Partner are cancelled; resellers already linked to you stay linked. You can change this later.
settings-optout-when = When you save:
settings-optout-leave = you leave the partner directory and resellers no longer see your contact details.
settings-optout-unknown = Pending Requests for Partner are cancelled; resellers already linked to you stay linked.
settings-optout-pending = { $count ->
    [one] { $count } pending Request for Partner is cancelled.
   *[other] { $count } pending Requests for Partner are cancelled.
}
settings-optout-linked = { $count ->
    [one] Your { $count } linked reseller stays linked.
   *[other] Your { $count } linked resellers stay linked.
}
settings-saved-optout = You no longer provide services to resellers.
    .hint = You are not listed in the partner directory; pending requests are cancelled.
settings-saved-optin = You provide services to resellers again.
    .hint = Resellers find you in the partner directory.
settings-saved = Reseller services saved.
    .hint = Resellers see the change in the partner directory.
settings-discarded = The refused change was discarded.
    .hint = The settings show what the server has.
settings-problem-conflict = Another device changed these settings first.
settings-problem-refused = The server refused your last change.
settings-problem-hint = Discard it to see what the server has, then change the settings again if needed.
settings-discard = Discard
settings-discarding = Discarding…
settings-waiting-title = Saved on this computer; sent to the server automatically.
settings-contact-title = Contact details resellers may see
settings-contact-intro = Choose what resellers see on your card in the partner directory. A detail shows when it has a value and “Visible to resellers” is ticked.
settings-contact-intro-later = Choose what resellers see on your card in the partner directory if you provide services again. A detail shows when it has a value and “Visible to resellers” is ticked.
settings-email-hint = From your company profile.
settings-phone-hint = From your company profile; change it on the Dashboard.
settings-not-set = Not set
settings-website = Website
settings-messenger = Messenger handles
settings-address = Address
settings-address-hint = Street, city — as resellers should read it.
settings-note = How to exchange information
# $used: the characters typed, e.g. "12 / 500".
settings-note-hint = Your preferred channel and hours, e.g. “Write on Telegram first; we answer within a day.” { $used }
settings-save-failed-hint = Nothing was saved; correct it and save again.
settings-status-unsaved = You have unsaved changes.
settings-status-refused = Your last change was refused; see the message above.
settings-status-pending = Saved on this computer; waiting to sync.
settings-status-saved = All changes saved.
settings-reset = Reset
settings-visible = Visible to resellers
settings-visible-empty = Empty, so resellers see nothing here.
settings-hidden = Hidden from resellers.
settings-preview-title = View as a reseller
settings-preview-unsaved = Unsaved changes
settings-preview-draft = What resellers will see in the partner directory once you save.
settings-preview-now = What resellers see in the partner directory now.
settings-preview-no-country = Country not set
settings-preview-unlisted = Resellers do not see you: you are not listed in the partner directory.
settings-preview-unlisted-detail = None of your contact details are shown and no reseller can send you a Request for Partner. Resellers already linked to you stay linked.

## Registration

register-steps = Registration steps
register-step-plan = Choose a plan
    .title = Choose a plan
    .subtitle = Pick the package that fits your business. You can change it later.
register-step-details = Company details
    .title = Register your company
    .subtitle = We create your partner account and send you the credentials.
register-step-sent = Credentials sent
    .title = You are registered
register-already-partner = Already a partner?
register-sign-in = Sign in
register-choose-plan = Choose plan
register-load-plans = Load plans
# $server: the server's address, shown in bold.
register-plans-from = Plans offered by { $server }
register-change-server = Change server
register-loading-plans = Loading plans
register-loading-plans-busy = Loading plans…
register-try-in-a-moment = Try again in a moment.
register-no-plans = This server offers no plans at the moment. Contact your WP Play operator.
register-trial-note = Every plan starts with a free 14-day trial with all of its functions. No payment details needed now.
register-plan = Plan
# $price: the monthly price, e.g. "€29.00".
register-plan-price = { $price } / month after the 14-day trial
register-change-plan = Change plan
register-phone-hint = International form, e.g. { $example }
register-delivery = Send my username and password by
register-delivery-email = E-mail
register-delivery-sms = SMS
register-no-resellers = I do not want to provide services to Resellers
register-no-resellers-detail = Your company will not be listed to resellers and your contact details stay hidden. You can change this later in Settings.
register-failed-hint = Correct the details and register again.
register-how = We create your account and send the credentials { $via ->
    [sms] by SMS to the phone number
   *[email] to the e-mail address
} above.
register-submit = Register
register-busy = Registering…
# $destination: the e-mail address or phone number, shown in bold.
register-sent = Your username and password were sent by { $via ->
    [sms] SMS
   *[email] e-mail
} to { $destination }.
# $date: the trial's last day, shown in bold.
register-trial-until = Your free trial runs until { $date }.
register-own-password = At your first sign-in you will choose a password of your own.
register-go-login = Go to sign in

## Choosing a new password at the first sign-in

# $username: shown in bold.
password-change-explain = You signed in as { $username } with the password we generated and sent you. Choose your own password now; the generated one stops working once you do.
password-change-current = Current password
password-change-current-hint = The generated password from the e-mail or SMS.
password-change-current-missing = Enter the password you signed in with.
password-change-new = New password
password-change-new-hint = Mix upper and lower case letters with digits or symbols.
password-change-confirm = Confirm new password
password-change-confirm-missing = Type the new password again.
password-change-mismatch = The passwords do not match.
password-change-submit = Set new password
password-strength = Strength
password-strength-too-weak = Too weak
password-strength-fair = Fair
password-strength-strong = Strong

## Content: the partner's catalog of streams

catalog-title = Content catalog
catalog-intro = Your linked resellers see this catalog and sell these streams to their customers; nobody else sees it.
catalog-add-stream = Add stream
catalog-add-subtitle = An IP stream of your catalog: what your linked resellers see and sell.
catalog-adding = Adding…
catalog-add-failed-hint = Correct it and add the stream again.
catalog-add-offline = Works offline: the stream syncs when the server is reachable.
catalog-name = Name
catalog-name-hint = As resellers will see it, e.g. “Sport HD 1”.
catalog-category = Category
catalog-category-hint = Pick one of your categories or type a new one.
catalog-category-hint-first = e.g. Sport, News, Movies, Kids.
catalog-url = Stream URL
catalog-url-hint = Starts with http://, https://, rtmp://, rtsp:// or udp://, e.g. rtmp://live.example.com/app/channel-1
catalog-search = Search streams
catalog-search-placeholder = Search name, category or URL
catalog-all-categories = All categories ({ $count })
catalog-shown = { $shown } of { $total } streams
catalog-summary = { $streams ->
    [one] { $streams } stream
   *[other] { $streams } streams
} in { $categories ->
    [one] { $categories } category
   *[other] { $categories } categories
}
catalog-loading = Loading your catalog
catalog-empty = Your catalog is empty — add your first stream.
catalog-empty-detail = A stream is one of your IP channels: a name, a category such as Sport or News, and the URL it plays from (http, https, rtmp, rtsp or udp). Linked resellers see your streams here and sell them. You can add streams offline too.
catalog-no-match = No streams match “{ $search }”.
catalog-no-match-in = No streams match “{ $search }” in { $category }.
catalog-no-match-category = No streams in this category.
catalog-search-hint = Search looks at stream names, categories and URLs.
catalog-show-all = Show all streams
catalog-discarded = The refused change to { $name } was discarded.
    .hint = The catalog shows what the server has.
catalog-added = Stream { $name } added to your catalog.
    .hint = Your linked resellers see it once the server has it.
catalog-removed = Stream { $name } removed from your catalog.
    .hint = Your linked resellers no longer see it.
catalog-col-sync = Sync
catalog-col-actions = Actions
catalog-streams = { $count ->
    [one] { $count } stream
   *[other] { $count } streams
}
catalog-rejected = Rejected
catalog-rejected-message = The server refused this change.
catalog-rejected-tip = Drop the refused change and show what the server has.
catalog-discard-first = Discard the refused change first.
catalog-remove-label = Remove { $name } from your catalog
catalog-remove = Remove
catalog-remove-title = Remove stream?
catalog-remove-confirm = Remove stream
catalog-remove-failed-hint = The stream is still in your catalog; try again.
catalog-remove-sentence = Remove “{ $name }” ({ $category }) from your catalog?
catalog-remove-unknown = Your linked resellers stop seeing it as soon as the removal reaches the server.
catalog-remove-nobody = No reseller is linked to you now, so nobody else is affected.
catalog-remove-linked = { $count ->
    [one] Your { $count } linked reseller stops seeing it as soon as the removal reaches the server.
   *[other] Your { $count } linked resellers stop seeing it as soon as the removal reaches the server.
}
catalog-remove-again = To offer it again later, add it anew.

## Activity log

audit-title = Activity log
audit-intro = Every change to your data and every sign-in, by you, your dealers and resellers, WP Play staff or WP Play itself (invoices, payments, reminders) — newest first. Open an entry to see what changed.
audit-search = Search the loaded entries
audit-search-placeholder = Search who, what, which or a value
audit-kind = Kind
audit-everything = Everything ({ $count })
audit-shown = { $shown } of { $total } loaded entries
audit-count = { $count ->
    [one] { $count } entry
   *[other] { $count } entries
}
audit-count-loaded = { $count ->
    [one] { $count } entry loaded
   *[other] { $count } entries loaded
}
# $time: the time of day of the last read.
audit-updated = updated { $time }
audit-needs-connection = The activity log needs a connection to the server.
audit-stale-offline = Showing the entries read earlier. They refresh when the server is reachable.
audit-stale = Showing the entries read earlier.
audit-retry = Retry
# The subject of "… needs a connection to the server".
audit-subject = The activity log
audit-offline-note = The log is kept on the server, not on this computer. Everything else keeps working offline; this page also retries by itself when the connection comes back.
audit-loading = Loading the activity log
audit-empty = Nothing in the log yet.
audit-empty-detail = Changes show here once the server has accepted them: adding a dealer, extending a subscriber, answering a Request for Partner, editing your catalog or settings. Changes waiting to sync appear after they sync.
audit-no-match = No loaded entries match “{ $search }”.
audit-no-match-kind = No loaded entries of this kind.
audit-search-hint = Search looks through the entries loaded so far.
audit-search-hint-more = Search looks through the entries loaded so far; load older entries to search further back.
audit-show-all = Show all entries
audit-loading-short = Loading…
audit-load-older = Load older entries
audit-loading-older = Loading older entries…
audit-older-needs-connection = Older entries need a connection to the server.
audit-try-again = Try again.
audit-end = The beginning of your activity log.
audit-col-when = When
audit-col-who = Who
audit-col-what = What
audit-col-which = Which
audit-col-changes = Changes
audit-show-changes = Show the changes of: { $what }, { $which }
audit-hide-changes = Hide the changes of: { $what }, { $which }
audit-details = Details
audit-changes = { $count ->
    [one] { $count } change
   *[other] { $count } changes
}
audit-no-field-changes = No field changes were recorded for this entry.
# $kind: what the entry changed, e.g. "Dealer".
audit-created-with = { $kind } created with:
audit-removed-was = { $kind } removed. It was:
audit-fields-changed = { $count ->
    [one] { $count } field changed:
   *[other] { $count } fields changed:
}
audit-empty-value = empty
audit-became = became
audit-yes = Yes
audit-no = No
audit-action-update-profile = Edited company profile
audit-action-set-language = Changed language
audit-action-set-notification-preferences = Chose how news reaches them
audit-action-sign-in = Signed in
audit-action-reset-dealer-password = Gave a dealer a new password
audit-action-sign-in-failed = Wrong password at sign-in
audit-action-sign-in-blocked = Sign-in blocked after wrong passwords
audit-action-password-changed = Changed the password
audit-action-signed-out = Signed out
audit-action-session-ended = Signed out another device
audit-action-other-sessions-ended = Signed out all other devices
audit-action-password-recovery-requested = Asked for a password recovery code
audit-action-password-recovered = Chose a new password with a recovery code
audit-action-second-factor-enabled = Turned on two-factor sign-in
audit-action-second-factor-disabled = Turned off two-factor sign-in
audit-action-second-factor-failed = Wrong two-factor code at sign-in
audit-action-recovery-code-used = Signed in with a recovery code
audit-action-dealer-second-factor-rule = Changed whether dealers must use two-factor sign-in
audit-action-change-package = Chose another package
audit-action-invoice-issued = Pro forma invoice issued
audit-action-payment-recorded = Payment recorded
audit-action-payment-reversed = Payment taken back by the bank
audit-action-payment-resolved = Payment resolved
audit-action-statement-imported = Bank statement imported
audit-action-lifecycle-reminder = Reminder sent: the paid period ends soon
audit-action-lifecycle-invoice = Invoice for the next month sent
audit-action-lifecycle-locked = Locked: the period ended unpaid
audit-action-lifecycle-unlocked = Unlocked by a payment
audit-action-lifecycle-purge-notice = Warned that the data will be deleted
audit-action-purge-partner = All data deleted (30 days after the lock)
audit-action-package-added = Package added
audit-action-package-disabled = Package no longer offered
audit-action-package-enabled = Package offered again
audit-action-package-changed = Package changed
audit-action-lifecycle-run = Lifecycle pass run by hand
audit-action-delivery-retried = Message sent again
audit-action-operator-added = Operator added
audit-action-create-dealer = Added dealer
audit-action-update-dealer = Edited dealer
audit-action-set-dealer-status = Changed dealer status
audit-action-delete-dealer = Deleted dealer
audit-action-create-subscriber = Added subscriber
audit-action-update-subscriber = Edited subscriber
audit-action-extend-subscriber = Extended subscriber
audit-action-remove-subscriber = Removed subscriber
audit-action-update-reseller-settings = Changed reseller services
audit-action-request-partner = Sent a Request for Partner
audit-action-withdraw-request = Withdrew a Request for Partner
audit-action-answer-request = Answered a Request for Partner
audit-action-remove-reseller = Removed reseller
audit-action-add-stream = Added stream
audit-action-remove-stream = Removed stream
audit-entity-dealer = Dealer
audit-entity-subscriber = Subscriber
audit-entity-stream = Stream
audit-entity-partner-request = Request for Partner
audit-entity-link = Reseller link
audit-entity-reseller-settings = Reseller services
audit-entity-profile = Company profile
audit-entity-language = Language
audit-entity-notifications = Notifications
audit-entity-account = Account
audit-entity-invoice = Invoice
audit-entity-payment = Payment
audit-entity-statement = Bank statement
audit-entity-lifecycle = Lifecycle
audit-entity-message = E-mail or SMS
audit-entity-package = Package
audit-entity-partner = Partner account
audit-field-device = Device
audit-field-platform = Platform
audit-field-app-version = App version
audit-field-session = Session
audit-field-ended = Sessions ended
audit-role-partner = Partner
audit-role-dealer = Dealer
audit-role-reseller = Reseller
audit-role-operator = WP Play staff
audit-role-system = WP Play (automatic)
audit-from = From
audit-field-id = ID
audit-field-name = Name
audit-field-contact-email = Contact e-mail
audit-field-contact-phone = Contact phone
audit-field-contact-person = Contact person
audit-field-username = Username
audit-field-status = Status
audit-field-state = State
audit-field-line-username = Line username
audit-field-mac = MAC address
audit-field-expires = Expires
audit-field-dealer = Dealer
audit-field-stream-url = Stream URL
audit-field-category = Category
audit-field-company = Company
audit-field-email = E-mail
audit-field-phone = Phone
audit-field-country = Country
audit-field-credential-delivery = Login details sent by
audit-field-offers-reseller-services = Provides services to resellers
audit-field-website = Website
audit-field-messenger = Messenger handles
audit-field-address = Address
audit-field-note = How to exchange information
audit-field-message = Message
audit-field-reason = Reason
audit-field-partner = Partner
audit-field-reseller = Reseller
audit-field-linked-at = Linked since
audit-field-value = Value
# $field: a contact detail's label, e.g. "e-mail".
audit-field-visible = Visible to resellers: { $field }
