# What each error code means to a person, by code: the app shows `error-<code>` (with
# `.field` when the error names a field, `{ $field }` being that field's label) instead of
# the English sentence in the server's or core's answer. Every code of the domain's list
# (wpplay_domain::Code) has a message here, in every language (a test checks).

## The fields an error can name

field-company = Company
field-name = Name
field-reason = Reason
field-contact_person = Contact person
field-note = Note
field-text = Text
field-message = Message
field-line_username = Line username
field-display_name = Display name
field-category = Category
field-phone = Phone
field-mac = MAC address
field-email = E-mail
field-country = Country
field-username = Username
field-password = Password
field-new_password = New password
field-current_password = Current password
field-stream_url = Stream URL
field-package_id = Package
field-expires_at = Paid until
field-days = Days
field-subscriber_count = Number of subscribers

## What a blank required field asks for

ask-username = Choose a username.
ask-password = Choose a password.
ask-display_name = Enter the dealer's name.
ask-name = Enter the name.
ask-line_username = Enter the line username.
ask-mac = Enter the MAC address of the subscriber's device.
ask-category = Enter the category.
ask-stream_url = Enter the stream's URL.
ask-company = Enter the company name.
ask-contact_person = Enter the contact person's name.
ask-email = Enter the e-mail address.
ask-phone = Enter the phone number.
ask-country = Choose a country.
ask-message = Write a few words to the partner: who you are and what you need.
ask-reason = Say why; they will read it.
ask-new_password = Choose a new password.

## Input

error-invalid_body = The request could not be read. Update the app, or try again.
error-malformed_json = The request could not be read. Update the app, or try again.
error-missing_field = Something required is empty. Fill it in and try again.
    .field = Fill in “{ $field }”.
error-invalid_field = Something in the form is not valid. Check it and try again.
    .field = “{ $field }” is not valid.
error-field_too_long = A text is too long. Shorten it and try again.
    .field = “{ $field }” is too long. Shorten it.
error-invalid_query = The list could not be asked for. Update the app, or try again.
error-invalid_statement = The statement could not be read, so nothing was recorded. Fix the entry it names, or ask the bank for the file again.
error-payment_not_for_review = This payment does not wait for that: it was resolved meanwhile, or its state asks for another step.
error-package_code_taken = Another package has that code already. Choose another code.
error-delivery_not_retryable = This message cannot be sent again: it was delivered, or it was given up on and its text is gone.
error-invalid_path = That address is not valid.
error-invalid_id = That id is not valid.
error-invalid_text = Remove the invisible control characters (e.g. from a paste).
    .field = Remove the invisible control characters from “{ $field }” (e.g. from a paste).
error-invalid_email = Enter a valid e-mail address, e.g. ana@acme.rs.
error-invalid_phone = Use the international form: + and the country code, then the number, e.g. +381 64 123 4567.
error-invalid_country = Choose a country from the list.
error-invalid_username = A username has 3 to 32 characters: lower-case letters a–z, digits, dots, dashes or underscores, starting with a letter.
error-invalid_mac = Enter the MAC address as six pairs of 0–9 and A–F, e.g. 00:1A:79:12:34:56.
error-invalid_stream_url = Enter a stream URL that starts with http://, https://, rtmp://, rtsp:// or udp://, without spaces.
error-invalid_expiry = A line may be paid at most three years ahead.
error-invalid_extension = Choose 1 to 1098 days.
error-extension_too_long = A line may be paid at most three years ahead: extend this one by fewer days.
error-invalid_package = That package is not valid.
error-invalid_invoice = That is not an invoice number.
error-invalid_target = That partner cannot be chosen here.
error-invalid_version = The app sent an out-of-date version of this row. Sync and try again.
error-invalid_client_id = The app sent an id the server cannot use. Update the app.
error-invalid_batch = The app sent its changes in the wrong order. Sync again.
error-batch_too_large = The app sent too many changes at once. Sync again; they go in smaller parts.
error-payload_too_large = That is too large to send.
error-unsupported_media_type = The request could not be read. Update the app.
error-unknown_package = Choose one of the packages on offer.
error-unknown_role = This account has no role the app knows. Ask WP Play.
error-weak_password_hash = The password could not be secured well enough. Update the app.
error-password_too_weak = That password is too weak: use at least 10 characters, mix upper and lower case letters with digits or symbols, and do not use the username.
error-password_too_long = That password is too long.
error-password_unchanged = The new password must differ from the current one.
error-bad_password_hash = The password could not be secured. Try again.

## Signing in and sessions

error-wrong_credentials = The username or password is not right.
error-wrong_recovery_code = This code is not right, was used already or has expired. Ask for a new one.
error-second_factor_required = Enter the code from your authenticator app.
error-wrong_second_factor_code = This code is not right, or it was used already. Wait for the next one.
error-challenge_expired = The sign-in took too long. Sign in again.
error-second_factor_already_on = Two-factor sign-in is on already.
error-second_factor_off = Two-factor sign-in is not on.
error-second_factor_mandatory = This account must sign in with a second factor: it cannot be turned off.
error-wrong_current_password = The current password is not right.
error-password_change_required = Choose a new password first: the one you were sent must be replaced at the first sign-in.
error-unauthenticated = Sign in first.
error-invalid_token = Your session is no longer valid. Sign in again.
error-token_expired = Your session has expired. Sign in again.
error-invalid_refresh_token = Your session has ended. Sign in again.
error-refresh_token_reused = This session was ended because one of its old sign-in tokens was used again, possibly by someone who copied it. Sign in again, and change your password if you did not expect this.
error-account_deleted = This account no longer exists: it was deleted 30 days after it stayed unpaid. Its data on this computer is removed too.
error-session_ended = Your session has ended. Sign in again.
error-forbidden = This account may not do that.
error-not_a_partner = Only partners can do that.
error-partner_locked = The partner's account is locked until the next payment; changes are refused.

## Limits

error-too_many_attempts = Too many attempts. Wait a few minutes and try again.
error-too_many_registrations = Too many registrations from this address. Try again later.
error-too_many_requests = You sent as many Requests for Partner as a day allows. Send more tomorrow.
error-too_many_changes = Too many changes in a minute. They stay queued and go through shortly.
error-too_many_streams = This account has too many live connections open. Close the app on another computer, or wait a minute.
error-too_many_taken_usernames = Too many of those usernames are taken. Choose another one.
error-request_timeout = The server did not answer in time. Check the connection and try again.
error-server_busy = The server is busy right now. Try again in a moment.
error-sms_unavailable = Text messages cannot be sent right now. Choose e-mail, or try again later.

## Registration and accounts

error-registration_conflict = This company or contact is registered already. Sign in, or use another e-mail address or phone number.
error-username_exhausted = No free username could be made from that name. Try a slightly different company name.
error-package_limit_reached = Your package allows no more of these. Choose a bigger package in Billing.
error-package_too_small = You have more than that package allows. Remove some first, then choose it again.
error-same_package = You are on that package already.
error-currency_mismatch = That package is priced in another currency. Ask WP Play to switch.

## Rows and their versions

error-not_found = That no longer exists.
error-version_conflict = This was changed on another device meanwhile. Review the current values and apply your edit again.
error-concurrent_change = This change clashed with another one made at the same moment. Check the current state and try again.
error-dealer_not_found = This dealer no longer exists; it may have been deleted on another device.
error-dealer_exists = This dealer exists already.
error-dealer_username_taken = That username is taken. Choose another one.
error-subscriber_exists = This subscriber exists already.
error-stream_exists = This stream exists already.
error-request_exists = This request exists already.
error-partner_unavailable = This partner does not take resellers at the moment.
error-dealer_inactive = This dealer account is switched off by its partner for now. Ask your partner to reactivate it.
error-subscriber_not_found = This subscriber no longer exists; it may have been removed on another device.
error-subscriber_count_changed = The dealer's number of subscribers changed since you confirmed. Review and confirm again.
error-mac_taken = Another subscriber already uses this MAC address.
error-stream_not_found = This stream is no longer in the catalog.

## The partner network

error-already_linked = You already work with this partner.
error-not_linked = You do not work with this partner (any more). Send a Request for Partner first.
error-request_pending = A request to this partner is still waiting for an answer.
error-request_not_found = This request no longer exists.
error-request_not_pending = This request was answered or withdrawn already and cannot change any more.
error-request_closed = This request was answered or withdrawn already.

## Sync

error-client_id_taken = The app made an id that is taken. Sync again.
error-client_outdated = This app is older than the server. Update the app; your unsent edits are kept.
error-resync_required = The copy on this computer must be loaded again from the server. Sync again.
error-feed_out_of_order = The server sent changes out of order; the next sync will try again.
error-mutation_out_of_order = The app sent its changes out of order; the next sync will try again.

## The server's own trouble

error-database_unavailable = The server cannot reach its database right now. Try again in a moment.
error-server_error = The server had a problem. Try again later.
error-internal_error = The server hit an unexpected problem; it has been logged. Try again later.
error-method_not_allowed = The server does not accept that request. Update the app.
error-hashing_failed = The password could not be secured. Try again.
error-hashing_unavailable = The password cannot be checked right now. Try again in a moment.
error-bad_signature = The signature does not match.

## This computer

error-offline = The server cannot be reached. Check the address and your connection; your work is kept and syncs when the server is back.
error-not_signed_in = Sign in first.
error-signed_in = This account is signed in on this computer: sign out first, then remove its data.
error-invalid_server_url = Enter the server's address, e.g. https://partners.wpplay.rs.
error-insecure_server_url = Use an https:// address: only a server on this computer may be reached over plain http.
error-untrusted_certificate = The server answered with a certificate this computer does not trust. Ask your WP Play operator.
error-ca_file_unreadable = The certificate file given to the app cannot be read.
error-http_client = The app could not start its network client. Restart the app.
error-unexpected_answer = The server's answer was not understood. Is this a WP Play server?
error-keychain_unavailable = The system keychain could not be read. Unlock it and try again.
error-local_storage = The app could not read or write its local data. Restart the app; if it persists, free some disk space.

## Updates

error-no_update = There is no newer version of the app.
error-update_failed = The update could not be installed. Try again later.
error-update_signature_invalid = The downloaded update is not signed by WP Play, so it was not installed.
error-update_unavailable = Updates cannot be installed on this computer. Download the new version from WP Play.
error-update_unreachable = The update server cannot be reached. Try again later.
error-ipc_error = The app's core did not answer. Restart the app.
error-unknown = Something went wrong.
