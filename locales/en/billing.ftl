# Messages of the app's billing screens (see app.ftl).

## Where the account stands (StatusCard)

billing-account = Account
billing-as-last-synced = As last synced
    .title = The server could not be asked; this is what this computer knows.
billing-locked-dates = Locked since { $since }; data deleted on { $purge } ({ $days ->
    [one] { $days } day
   *[other] { $days } days
} from now).
billing-trial-ends = Free trial ends on { $date }.
billing-paid-through = Paid through { $date }
billing-days-in-period = { $left } in this period.
billing-what-to-do = What to do
billing-locked-todo = Pay the open invoice under “How to pay”. The payment is registered automatically and unlocks your account, your dealers and your resellers with every piece of data exactly as it was.
billing-trial-soon = Pay your pro forma invoice before the trial ends to keep access for you, your dealers and your resellers.
billing-trial-all = Every function of your package is available during the trial. Your first pro forma invoice is issued 7 days before it ends.
billing-paid-soon = Pay the next invoice before this date to keep access without a break.
billing-paid-next = Your next pro forma invoice is issued 7 days before this date. Paying early loses nothing: the new period starts where this one ends.

## A section closed while the account is locked (LockedScreen)

billing-locked-title = { $section } is closed while your account is locked
billing-locked-lead = { $period ->
    [trial] Your free trial
   *[paid] Your paid period
} ended on { $date } without payment, so access to the admin panel is paused.
billing-locked-paused = You and your dealers cannot use the admin panel, and your resellers cannot use your content, until the account is paid.
billing-locked-kept = Nothing is deleted yet. Your data is kept until { $date } ({ $days ->
    [one] { $days } day
   *[other] { $days } days
} from now) and deleted for good after that.
billing-locked-restores = Paying restores everything exactly as it was: dealers, subscribers, content, resellers and settings. Changes still waiting on this computer go through after the payment.
billing-locked-hint = Billing shows your open invoice and the payment reference to pay it with.

## How to pay (HowToPayCard, PaymentReference)

billing-how-to-pay = How to pay
billing-kind-proration = Upgrade difference
    .title = Charges the price difference of an upgrade for the rest of the period.
billing-kind-monthly = Monthly period
billing-proforma-number = Pro forma invoice { $number }
billing-due-partial = left of { $amount } ({ $paid } received)
billing-due-open = to pay
billing-pay-explain = Pay by bank transfer or the payment provider using this reference; the payment is registered automatically and extends your package — usually within minutes of the bank's notice. Pro forma invoices also come to your e-mail.
billing-none-locked = No invoice is open. Choose a package under “Change package” to get a pro forma invoice for the next month, then pay it with its reference to unlock your account.
billing-none-issuing = Nothing to pay right now. Your next pro forma invoice is being issued now and also comes to your e-mail.
billing-none-next = Nothing to pay right now. Your next pro forma invoice is issued 7 days before { $end }, on { $date }, and also comes to your e-mail.
billing-reference = Payment reference
billing-reference-what = the payment reference
billing-reference-copied = Payment reference { $reference } copied.
billing-reference-copy-label = Copy payment reference { $reference }
billing-copy = Copy
billing-copied = Copied
billing-reference-title = Reference { $reference }

## Invoices and payments (InvoiceTable, PaymentTable)

billing-col-invoice = Invoice
billing-col-period = Period
billing-col-package = Package
billing-col-amount = Amount
billing-col-status = Status
billing-col-issued = Issued
billing-col-pdf = PDF
billing-col-received = Received
billing-col-how = How
billing-col-what-it-did = What it did
billing-status-paid = Paid
billing-status-paid-on = Paid on { $date }
billing-status-partial = Partly paid { $paid } of { $amount }
billing-status-open = Open
billing-pdf = PDF
billing-pdf-label = Save invoice { $number } as a PDF
billing-pdf-opened = Invoice { $number } opened.
billing-pdf-saved = Invoice { $number } saved as a PDF.
billing-pdf-saved-as = Saved as { $path }
billing-source-bank = Bank transfer
billing-source-webhook = Payment provider
billing-source-operator = Registered by WP Play
billing-payment-paid = Paid invoice { $number }
billing-payment-applied = Applied
billing-payment-partial = Part of invoice { $number }
billing-payment-partial-any = Part of invoice
billing-payment-overpaid = More than the invoice: WP Play will refund or credit it
billing-payment-matching = Being matched by WP Play
billing-payment-reversed = Taken back by the bank: it no longer counts
billing-payment-refunded = Refunded to you

## The Billing page (BillingPage, BillingUnavailable)

billing-loading = Loading billing
billing-payment-received = Payment received: invoice { $number } is paid.
billing-changed-pay = Pay { $amount } with reference { $reference }; it is under “How to pay”.
billing-invoices = Invoices
    .description = Pro forma invoices, newest first. Each payment is matched to its invoice by the reference.
billing-checking = Checking…
billing-check-payments = Check for payments
billing-invoices-none = No invoices yet. Your first pro forma invoice is issued 7 days before your { $state ->
    [trial] trial
   *[paid] period
} ends and shows here.
billing-payments = Payments
    .description = Registered automatically from the bank or the payment provider, newest first.
billing-needs-connection = Billing needs a connection to the server
billing-stale = Showing what the server said last. { $detail }
billing-subject = Billing
billing-offline-note = Invoices, payment references and package changes come from the server. Your account's state above is what this computer knows from the last sync; everything else in the app keeps working offline.

## Changing the package (ChangePackageWindow)

billing-change-subtitle = Choose a package; the rule that applies to it shows before you confirm.
billing-changing = Changing…
billing-packages-loading = Loading the packages on offer
billing-packages-on-offer = Packages on offer
billing-packages-need-connection = The packages on offer need a connection to the server
billing-badge-current = Current
billing-badge-next = Next period
billing-package-limits = Up to { $subscribers } { $subscribers ->
    [one] subscriber
   *[other] subscribers
} · up to { $streams } { $streams ->
    [one] stream
   *[other] streams
}
billing-blocked-same = You are on this package.
billing-blocked-currency = Priced in { $theirs }, yours in { $yours }: ask WP Play to switch.
billing-blocked-pending = Already chosen from { $date }.
billing-note-keep = Keep it and cancel the switch to { $package }.
billing-switch-now = Switch now
billing-switch-invoice = Switch and get the invoice
billing-switch-from = Switch from { $date }
billing-keep = Keep { $package }
billing-choose-offline = Choosing a package needs a connection to the server. Nothing changed; try again when you are back online.
billing-choose-unknown = The list below is up to date again; choose one of these.
billing-choose-retry = Nothing changed; try again in a moment.
billing-rule-none = Choose a package to see when it applies and what it costs.
billing-rule-now-trial = Applies now; your trial still ends on { $date }.
    .detail = Nothing is charged for the trial.
billing-rule-prorated = Applies now; a pro forma invoice charges the difference for the rest of the period (about { $estimate } until { $date }).
    .detail = This is an estimate: the invoice has the exact amount, worked out when you confirm.
billing-rule-next-period = Applies from { $date }; until then you keep { $package }.
    .detail = Nothing is charged now.
billing-rule-stay = You stay on { $package }.
    .detail = The switch to { $pending } planned from { $date } is cancelled.
billing-rule-locked = Applies now; a pro forma invoice for the next month is issued to unlock your account.
    .detail = It is for { $amount }; pay it with its reference and your account opens again with all your data.
billing-rule-same = You are on { $package } already.
billing-rule-currency = { $package } is priced in { $theirs }, yours in { $yours }: ask WP Play to switch.
billing-prices-per-month = Prices are per month.

## Edits the server refused (dashboard/RejectedEdits)

rejected-edits-title = { $count ->
    [one] { $count } change was refused by the server
   *[other] { $count } changes were refused by the server
}
rejected-edits-what = Correct it and save again, or discard it to keep what the server has.
rejected-edits-discarded = Discarded: { $summary }.
rejected-edits-still-listed = The edit is still listed; try again.
rejected-edits-confirm-title = Discard this change?
rejected-edits-confirm = Discard change
rejected-edits-confirm-what = “{ $summary }” will be removed from this computer and never sent again. The server keeps its current values. This cannot be undone.

## The features of the packages WP Play offers (as the operator wrote them; one the
## catalog does not know shows as written)

feature-unlimited-dealers = Unlimited dealers
feature-reseller-network = Reseller network
feature-e-mail-support = E-mail support
feature-priority-e-mail-support = Priority e-mail support
feature-dedicated-account-manager = Dedicated account manager
feature-phone-support = Phone support

## The operator's payments to review.
nav-payments = Payments
review-title = Payments to review
review-intro = Payments the server could not apply as they stand: no reference it knows, too little or too much for the invoice, or a bank reversal of nothing recorded here. Each waits until a person resolves it.
review-show = Which payments
review-show-waiting = Waiting for review
review-show-all = All payments
review-count-waiting = { $count ->
    [one] { $count } payment waits for review
   *[other] { $count } payments wait for review
}
review-count-all = { $count ->
    [one] { $count } payment
   *[other] { $count } payments (newest first)
}
review-subject = The payments list
review-offline-note = Payments live on the server: this page needs a connection.
review-loading = Reading payments…
review-nothing-waiting = Nothing waits for review
review-none = No payments yet
review-nothing-waiting-detail = Bank statements and the payment provider add payments; what they cannot apply shows here.
review-col-received = Received
review-col-amount = Amount
review-col-payer = Paid by
review-col-said = Reference and text
review-col-status = State
review-col-note = Note
review-payer-unknown = Payer not given
review-invoice-number = Invoice { $number }
review-resolve = Resolve…
review-resolved = Payment of { $amount } resolved
review-status-applied = Applied
review-status-partial = Part of an invoice
review-status-overpaid = More than the invoice
review-status-unmatched = No invoice found
review-status-reversal = Bank reversal
review-status-reversed = Taken back by the bank
review-status-taken_back = Reversal applied
review-status-refunded = Refunded
review-status-not_ours = Not WP Play's
review-resolve-title = Resolve a payment
review-resolve-subtitle = { $amount } received on { $date }
review-resolve-what = What happened to this money?
review-action-assign = It pays an invoice
review-action-assign-detail = It counts on that invoice as if it carried the invoice's reference; paid in full, the partner's package runs on.
review-action-refunded = It went back to the payer
review-action-refunded-detail = A partial payment comes off its invoice; of an overpaid one, only the surplus.
review-action-not_ours = It is not WP Play's
review-action-not_ours-detail = A transfer meant for someone else, or a reversal of nothing recorded here.
review-action-split = It pays several invoices
review-action-split-detail = One transfer for more than one invoice: say how much of it each invoice gets; the parts add up to the payment.
review-status-split = Split across invoices
review-split-parts = Invoices and amounts
review-split-invoice-n = Invoice number of part { $n }
review-split-amount = Amount
review-split-amount-n = Amount of part { $n }
review-split-remove-n = Remove part { $n }
review-split-add = Another invoice
review-split-adds-up = Adds up to the payment
review-split-left = { $amount } left to assign
review-split-over = { $amount } more than the payment
review-invoice = Invoice number
review-invoice-hint = As printed on the invoice, e.g. 2026-000042.
review-note = Note for the record
review-note-hint = Why, in a line: it goes into the activity log with your name.
review-resolve-save = Resolve
review-resolve-saving = Resolving…
review-nothing-changed = Nothing was changed.
import-open = Import statement…
import-title = Import a bank statement
import-subtitle = camt.053 or camt.054 from the bank, or the simple CSV. Nothing is recorded before you import.
import-file = Statement file
import-file-hint = As the bank's e-banking exported it: XML, or CSV with entry_id, date, amount, currency and reference.
import-col-does = What it does
import-summary = { $new } to record ({ $waiting } of them for review), { $known } already recorded, { $skipped } skipped
import-confirm = { $count ->
    [one] Import 1 payment
   *[other] Import { $count } payments
}
import-confirm-none = Import
import-busy = Importing…
import-will-apply = Pays invoice { $number }
import-outcome-will_apply = Pays an invoice
import-outcome-will_wait = Waits for review
import-outcome-will_take_back = Takes a payment back
import-outcome-already_recorded = Already recorded
import-outcome-skipped = Skipped
import-why-debit = Money paid out, not received
import-why-pending = Not booked yet (pending)
import-why-not_booked = Not booked (for information)
import-why-returned_debit = Our own payment returned
import-takes-back = Takes back { $id }
import-done = { $new ->
    [one] 1 payment recorded
   *[other] { $new } payments recorded
}, { $waiting } waiting for review
import-done-detail = { $known } already recorded before, { $skipped } skipped.

## The operator's partners table.
desk-partners-title = Partners
desk-partners-intro = Every partner of WP Play, newest first: where each stands, its package, and how many dealers and lines it runs.
desk-partners-search = Search partners
desk-partners-search-placeholder = Company, e-mail or contact
desk-partners-subject = The partners list
desk-partners-loading = Reading partners…
desk-partners-none = No partner matches
desk-partners-count = { $count ->
    [one] 1 partner
   *[other] { $count } partners
}
desk-col-company = Company
desk-col-contact = Contact
desk-col-package = Package
desk-col-state = State
desk-col-dealers = Dealers
desk-col-lines = Lines
desk-state-any = Any state
desk-state-trial = Trial
desk-state-active = Active
desk-state-locked = Locked
desk-registered = registered { $date }
desk-access-ends = until { $date }
desk-access-ended = since { $date }

## The operator's catalog, lifecycle and deliveries.
nav-packages = Packages
nav-lifecycle = Upcoming
nav-deliveries = Deliveries
packages-title = Packages
packages-intro = What partners buy each month. A new price is charged from each partner's next invoice; invoices already issued keep theirs.
packages-subject = The package catalog
packages-loading = Reading packages…
packages-add = Add package…
packages-edit = Change…
packages-col-name = Package
packages-col-price = Per month
packages-col-limits = Limits
packages-col-features = Features
packages-col-partners = Partners
packages-col-state = Offered
packages-state-offered = Offered
packages-state-withdrawn = Not offered
packages-lines = { $count ->
    [one] 1 subscriber line
   *[other] { $count } subscriber lines
}
packages-streams = { $count ->
    [one] 1 stream
   *[other] { $count } streams
}
packages-add-title = Add a package
packages-add-subtitle = New partners can choose it as soon as it is added.
packages-edit-title = Change { $name }
packages-edit-subtitle = { $count ->
    [0] No partner is on it yet.
    [one] 1 partner is on it: they see the change at once.
   *[other] { $count } partners are on it: they see the change at once.
}
packages-code = Code
packages-code-hint = Lowercase letters, digits and dashes, e.g. hotel-50. It never changes.
packages-code-fixed = A package's code never changes.
packages-name = Name
packages-price = Monthly price
packages-price-hint = For example 29.00.
packages-price-invalid = Enter an amount such as 29.00 (at most two decimals).
packages-price-from-next = { $old } now; { $new } from each partner's next invoice.
packages-currency = Currency
packages-currency-fixed = Invoices are issued in it, so it never changes.
packages-max-subscribers = Subscriber lines
packages-max-streams = Streams
packages-limit-invalid = Enter a whole number of at least 1.
packages-limits-note = Lower limits refuse new lines or streams beyond them; nothing a partner has is removed.
packages-features = Features
packages-features-hint = One per line, as partners read them when they choose (at most 20).
packages-offered = Offered to new partners
packages-offered-detail = Partners already on it keep it either way.
packages-save = Save changes
packages-add-save = Add package
packages-saving = Saving…
packages-nothing-changed = Nothing was changed.
packages-added = { $name } added
packages-added-detail = New partners can choose it now.
packages-saved = { $name } saved
packages-saved-detail = A new price applies from each partner's next invoice.
lifecycle-title = Upcoming
lifecycle-intro = What the lifecycle does next, by day in the server's time zone: reminders, invoices, locks and data deletions. The server runs a pass every minute; "Run now" runs one at once.
lifecycle-subject = The lifecycle
lifecycle-loading = Reading what comes next…
lifecycle-days = Show
lifecycle-days-n = Next { $days } days
lifecycle-count = { $count ->
    [one] 1 event
   *[other] { $count } events
}
lifecycle-due-title = { $count ->
    [0] Nothing due now
    [one] 1 event due now
   *[other] { $count } events due now
}
lifecycle-due-none = Every event due so far has been handled.
lifecycle-due-detail = The next pass, within a minute, handles these; "Run now" does it at once.
lifecycle-run = Run now
lifecycle-running = Running…
lifecycle-ran = { $events ->
    [0] Pass done: nothing was due
    [one] Pass done: 1 event handled
   *[other] Pass done: { $events } events handled
}
lifecycle-ran-detail = { $partners ->
    [one] 1 partner near or past its end was looked at.
   *[other] { $partners } partners near or past their end were looked at.
}
lifecycle-run-failed = The pass did not run
lifecycle-more = …and { $count } more
lifecycle-nothing-ahead = No reminder, invoice, lock or deletion falls in these days.
lifecycle-not-sent = recorded, not sent
lifecycle-kind-ends_in_7_days = Reminder: 7 days left
lifecycle-kind-ends_in_3_days = Reminder: 3 days left
lifecycle-kind-ends_in_1_day = Reminder: 1 day left
lifecycle-kind-ends_today = Reminder: ends today
lifecycle-kind-invoice = Invoice for the next month
lifecycle-kind-locked = Locked
lifecycle-kind-purge_in_7_days = Deletion warning: 7 days
lifecycle-kind-purge_in_1_day = Deletion warning: 1 day
lifecycle-kind-purge = All data deleted
deliveries-title = Deliveries
deliveries-intro = E-mails and SMS the server sends: credentials, reminders, invoices. A failed attempt is tried again, waiting longer each time (up to an hour); their text is never shown here.
deliveries-subject = The deliveries list
deliveries-loading = Reading deliveries…
deliveries-show = Which messages
deliveries-show-trouble = In trouble
deliveries-show-pending = Waiting to be sent
deliveries-show-sent = Sent
deliveries-show-all = All messages
deliveries-count = { $count ->
    [one] 1 message
   *[other] { $count } messages
}
deliveries-col-created = Queued
deliveries-col-to = To
deliveries-col-subject = Subject and last error
deliveries-col-state = State
deliveries-channel-email = E-mail
deliveries-channel-sms = SMS
deliveries-state-pending = Waiting
deliveries-state-retrying = Failed, will retry
deliveries-state-sent = Sent
deliveries-state-failed = Given up
deliveries-sent-at = on { $at }
deliveries-next-attempt = { $attempts ->
    [0] first attempt { $at }
    [one] 1 attempt; next { $at }
   *[other] { $attempts } attempts; next { $at }
}
deliveries-attempts = { $attempts ->
    [one] after 1 attempt
   *[other] after { $attempts } attempts
}
deliveries-send-now = Send now
deliveries-retried = Sending to { $to } now
deliveries-retried-detail = Refresh in a moment to see whether it got through.
deliveries-retry-failed = The message was not sent again
deliveries-no-trouble = No delivery in trouble
deliveries-none = No messages
deliveries-none-detail = Every message that fails is listed here until it gets through.
desk-open = Open
desk-open-label = Open { $company }
desk-back = Back to partners
desk-detail-subject = The partner
desk-detail-loading = Reading the partner…
desk-detail-intro = Signs in as { $username } · registered { $date }
desk-detail-standing = Where it stands
desk-detail-access-until = Access until { $date } ({ $days ->
    [one] 1 day left
   *[other] { $days } days left
})
desk-detail-locked-since = Locked since { $date }
desk-detail-trial-ends = Trial ends
desk-detail-paid-through = Paid through
desk-detail-never-paid = Nothing paid yet
desk-detail-purge = Data deleted on
desk-detail-next-invoice = Next invoice
desk-detail-next-package = { $name } from the next period
desk-detail-network = Network
desk-detail-network-counts = { $dealers } dealers · { $lines } lines
desk-detail-profile = Profile
desk-detail-email = E-mail
desk-detail-phone = Phone
desk-detail-country = Country
desk-detail-username = Username
desk-detail-language = Writes in
desk-detail-resellers = Resellers
desk-detail-serves-resellers = Serves resellers
desk-detail-no-resellers = Does not serve resellers
desk-language-en = English
desk-language-sr-Latn = Serbian (Latin)
desk-language-sr-Cyrl = Serbian (Cyrillic)
desk-detail-invoices = { $count ->
    [0] Invoices
    [one] Invoices (1)
   *[other] Invoices ({ $count })
}
desk-detail-no-invoices = No invoice yet: the first is issued 7 days before the trial ends.
desk-detail-payments = { $count ->
    [0] Payments
    [one] Payments (1)
   *[other] Payments ({ $count })
}
desk-detail-no-payments = No payment yet.
desk-detail-activity = Newest activity
desk-detail-no-activity = Nothing recorded yet.
lifecycle-nothing-ahead-title = Nothing in the next { $days } days
lifecycle-quiet-days = { $count ->
    [one] The other day is quiet.
   *[other] The other { $count } days are quiet.
}
desk-package-any = Any package
desk-ends = Access ends
desk-ends-any = Any time
desk-ends-ended = Ended already
desk-ends-within = Within { $days } days
register-open = Register payment…
register-title = Register a payment
register-subtitle = Money that came another way: cash at the office, a transfer on no statement. It is matched by its reference like any payment.
register-amount = Amount
register-amount-invalid = Enter an amount such as 79.00 (more than zero, at most two decimals).
register-reference = Reference
register-reference-hint = As the payer gave it, e.g. 97 41-2026000042; without one it waits for review.
register-day = Received on
register-save = Register
register-done = Payment of { $amount } registered
register-known = Payment of { $amount } was registered before
