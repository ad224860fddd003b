# What the server writes to people: credentials, notices, reminders and invoices, by
# e-mail, SMS and in the app. Every message here has its twin in each language's
# server.ftl (a test checks ids, variables and plural forms).

-brand = WP Play
-desk = WP Play Partner Desk

## Registration

credentials-sms = { -brand }: your account is ready. Username: { $username } Password: { $password } Choose a new password at first sign-in.
credentials-email =
    .subject = Your { -brand } account
    .body =
        Hello { $contact },

        Welcome to { -brand }. { $intro }

        Sign in to { -desk } with:

        Username: { $username }
        Password: { $password }

        You will be asked to choose your own password at the first sign-in.
        The instructions for using the panel are on its dashboard.

        { -brand }
credentials-intro-partner = The partner account of { $company } is ready and your 14-day trial of the { $package } package has started. It ends on { $ends }.
credentials-intro-reseller = The reseller account of { $company } is ready. Find partners in the app and send them a Request for Partner.
already-registered-email =
    .subject = Your { -brand } account already exists
    .body =
        Hello,

        Someone, perhaps you, has just tried to register a new { -brand } account with this e-mail address. It already belongs to an account, so no new one was made.

        To use your account, sign in to { -desk } with the username { $username }. If you no longer know the password, ask { -brand } support to reset it.

        If it was not you, you need not do anything.

        { -brand }

## Notices: in the app, by e-mail (several in a short while are one e-mail) or by SMS

notice-email-subject = { -brand }: { $title }
notice-sms = { -brand }: { $title }. { $body }
notice-digest-subject = { -brand }: { $count } updates from your partner network
notice-footer = Open { -desk } for the details.

request-received =
    .title = New Request for Partner
    .body = { $reseller } asks to resell your IP streams: "{ $message }"
request-withdrawn =
    .title = Request withdrawn
    .body = { $reseller } withdrew its Request for Partner.
request-accepted =
    .title = Request accepted
    .body = { $partner } accepted your Request for Partner. Its content is now open to you.
request-rejected =
    .title = Request rejected
    .body = { $partner } rejected your Request for Partner.
request-rejected-reason = { $partner } rejected your Request for Partner. Reason: { $reason }
request-cancelled =
    .title = Request cancelled
request-cancelled-opted-out = { $partner } no longer works with resellers; your request was cancelled.
request-cancelled-locked = { $partner } is not taking new resellers until its next payment; your request was cancelled.
reseller-removed-by-partner =
    .title = Partner ended the collaboration
    .body = { $partner } ended the collaboration. Reason: { $reason }
reseller-removed =
    .title = Reseller removed
    .body = { $reseller } was removed from your resellers. Reason: { $reason }

## The account's lifecycle

period-trial = free trial
period-paid = paid period
access-ending =
    .title = { $period ->
        [trial] Your free trial ends in { $days ->
            [one] { $days } day
           *[other] { $days } days
        }
       *[paid] Your paid period ends in { $days ->
            [one] { $days } day
           *[other] { $days } days
        }
    }
    .body = { $period ->
        [trial] Your free trial of { -brand } ends on { $when }.
       *[paid] Your paid period of { -brand } ends on { $when }.
    } Pay the pro forma invoice sent to you to keep your admin panel, dealers and resellers working.
access-ends-today =
    .title = { $period ->
        [trial] Your free trial ends today
       *[paid] Your paid period ends today
    }
    .body = { $period ->
        [trial] Your free trial of { -brand } ends today, { $when }.
       *[paid] Your paid period of { -brand } ends today, { $when }.
    } Pay the pro forma invoice to keep access.
access-locked =
    .title = Your access is locked
    .body = { $period ->
        [trial] Your free trial ended on { $when } without a payment,
       *[paid] Your paid period ended on { $when } without a payment,
    } so the admin panel is locked for you, your dealers and your resellers. Your data is kept until { $purge }; pay the pro forma invoice to get everything back as it was.
purge-warning =
    .title = Your data is deleted in { $days ->
        [one] { $days } day
       *[other] { $days } days
    }
    .body = Your { -brand } account has been locked since { $when }. Unless you pay, all your data (dealers, subscribers, content, resellers) is permanently deleted on { $purge }.
at-time = { $day } at { $time }

## Invoices

invoice-issued =
    .title = Pro forma invoice { $number }
    .body =
        Pro forma invoice { $number } for the { $package } package, { $from } to { $to }: { $amount }.

        Pay to: the account on the invoice
        Payment reference: { $reference }

        The payment is registered automatically and extends your package.
invoice-email-attached = The invoice is attached as a PDF.

## Payments

payment-received =
    .title = Payment received
    .body = Invoice { $number } is paid. Thank you.
payment-received-until = Invoice { $number } is paid. Your package runs until { $until }.
partner-purged =
    .title = A partner left { -brand }
    .body = A partner you were linked to closed its { -brand } account after it stayed unpaid; its content is no longer available to you.

## The pro forma invoice (PDF); headings are printed in capitals

pdf-title = Pro forma invoice
pdf-doc-title = Pro forma invoice { $number }
pdf-file = WP-Play-pro-forma-{ $number }.pdf
pdf-number = No. { $number }
pdf-issued = Issued { $date }
pdf-from = From
pdf-to = To
pdf-account = Account { $account }
pdf-country = Country { $country }
pdf-item = Item
pdf-period = Period
pdf-amount = Amount
pdf-item-period = { $package } package, one month
pdf-item-proration = { $package } package: upgrade difference
pdf-total = Total due
pdf-how = How to pay
pdf-pay = Pay { $amount } to { $issuer } ({ $account })
pdf-with-reference = with this payment reference:
pdf-automatic = The payment is registered automatically by its reference and extends your package.
pdf-ips = NBS IPS QR: scan with your bank's app to pay at once
pdf-footer = This pro forma invoice is not a tax invoice. { -desk }.

## What a reseller reads of a purged partner

purge-former-partner = a former partner
purge-closed = The partner's account was closed.
purge-withdrawn = (withdrawn)

## A sign-in from a new device

new-device-unnamed = a device that did not give its name
new-device-email =
    .subject = New sign-in to your { -brand } account
    .body =
        Your account { $username } was signed in to from a device it had not used before:

        Device: { $device }
        Address: { $address }
        When: { $when }

        If this was you, there is nothing to do. If not, change your password in { -desk } at once and end the sessions you do not recognise under Settings.

## Password recovery

recovery-sms = { -brand }: your password recovery code is { $code }. It works for { $minutes } minutes. If you did not ask for it, ignore this message.
recovery-email =
    .subject = Your { -brand } password recovery code
    .body =
        Someone asked to recover the password of your account { $username }.

        Your code: { $code }

        Enter it in { -desk } within { $minutes } minutes to choose a new password. Every device signed in to the account is signed out.

        If it was not you, ignore this message: your password stays as it is.
