# Messages of the app's lines screens (see app.ftl).

## Shared by the dealer and subscriber windows

lines-save-changes = Save changes
lines-adding = Adding…
lines-fail-save = Correct it and save again.
lines-offline-changes = Works offline: changes sync when the server is reachable.
lines-edit = Edit
lines-edit-label = Edit { $name }

## Dealers (Providers → My Dealers)

dealers-status-active = Active
dealers-status-inactive = Inactive
dealers-username-hint = 3-32 lowercase letters, digits, . _ -, starting with a letter.
dealers-username-hint-as = Signs in as “{ $login }”. 3-32 lowercase letters, digits, . _ -, starting with a letter.
dealers-password-again = Type the password again.
dealers-password-mismatch = The passwords do not match.
dealers-name = Name
dealers-contact-email = Contact e-mail (optional)
dealers-contact-phone = Contact phone (optional)
dealers-edit-title = Edit dealer
dealers-add-subtitle = A dealer sells to its own subscribers and signs in with its own login.
dealers-add-submit = Add dealer
dealers-delete-submit = Delete dealer…
dealers-fail-add = Correct it and add the dealer again.
dealers-this-dealer = this dealer
dealers-signs-in-as = Signs in as { $username }. The username cannot be changed.
dealers-status = Status
dealers-active-reactivate = Reactivate: the dealer signs in again and their subscribers are restored.
dealers-active-desc = The dealer signs in and serves their subscribers.
dealers-inactive-desc = Temporary shutdown: the dealer cannot sign in and their { $count } subscribers are suspended. Choose Active later to reactivate.
dealers-delete = Delete
dealers-delete-desc = Permanent removal of the dealer together with all their { $count } subscribers. You confirm in the next step.
dealers-details = Details
dealers-sign-in = Sign-in
dealers-sign-in-note = The dealer signs in to this same app, WP Play Partner Desk, with this username and password. Give them to the dealer yourself: nothing is sent to them.
dealers-username = Username
dealers-password = Password
dealers-password-hint = Mix upper and lower case letters with digits or symbols.
dealers-password-confirm = Confirm password
dealers-reset-password = Set a new password…
dealers-new-password = New password
dealers-reset-note = Saving signs the dealer out on every device. Give them the new password yourself: nothing is sent to them.
dealers-password-saved = New password for { $name } saved.
dealers-password-saved-hint = They are signed out and sign in as “{ $username }” with the new password.
dealers-nothing-deleted = Nothing is deleted until you confirm.
dealers-offline-add = Works offline: the dealer syncs when the server is reachable.
dealers-col-name = Name
dealers-col-username = Username
dealers-col-contact = Contact
dealers-col-status = Status
dealers-col-subscribers = Subscribers
dealers-col-sync = Sync
dealers-col-actions = Actions
dealers-no-contact = No contact details
dealers-delete-title = Delete dealer?
dealers-delete-confirm = Delete dealer
dealers-delete-count-changed = The number above is up to date: confirm again to delete.
dealers-delete-sentence = Delete dealer { $name } and their { $count } subscribers? This cannot be undone.
dealers-delete-what = The dealer can no longer sign in, and their subscribers' lines are removed for good. To pause the dealer instead, choose Inactive.
dealers-added = Dealer { $name } added.
dealers-added-hint = They sign in as “{ $username }” with the password you chose.
dealers-added-offline = Dealer added — it syncs when the server is reachable.
dealers-added-offline-hint = They can sign in as “{ $username }” once it has.
dealers-now-inactive = { $name } is now inactive: they cannot sign in and their subscribers are suspended.
dealers-active-again = { $name } is active again.
dealers-saved = Changes to { $name } saved.
dealers-deleted = Dealer { $name } and their { $count } subscribers deleted.
dealers-filter-all = All
dealers-title = My Dealers
dealers-description = Dealers sell to their own subscribers and sign in to Partner Desk with the login you give them.
dealers-search = Search dealers
dealers-search-placeholder = Search name, username, e-mail or phone
dealers-filter = Filter by status
dealers-loading = Loading your dealers
dealers-empty = No dealers yet — add your first dealer.
dealers-empty-how = Give each dealer a username and password: they sign in to this app and manage their own subscribers. You can add dealers offline too.
dealers-no-match = { $status ->
    [active] No dealers match “{ $search }” among active dealers.
    [inactive] No dealers match “{ $search }” among inactive dealers.
   *[all] No dealers match “{ $search }”.
}
dealers-none = { $status ->
    [active] No active dealers.
    [inactive] No inactive dealers.
   *[all] No dealers.
}
dealers-search-how = Search looks at names, usernames, e-mail addresses and phone numbers.
dealers-show-all = Show all dealers
dealers-pager-none = 0 dealers

## Subscribers (IPTV lines)

lines-state-active = Active
lines-state-disabled = Disabled
lines-state-suspended = Suspended
lines-state-expired = Expired
lines-state-active-tip = The line works.
lines-state-disabled-tip = Switched off by you: the line does not work until it is set Active again.
lines-state-suspended-tip = Its dealer is inactive: the line works again when the dealer is reactivated.
lines-state-expired-tip = The paid period is over: extend the line to renew it.
lines-countdown = { $days ->
    [one] in { $days } day
   *[other] in { $days } days
}
lines-countdown-expired = expired
lines-days = { $days ->
    [one] { $days } day
   *[other] { $days } days
}
lines-days-unit = days
lines-common-periods = Common periods
lines-dealer-inactive = { $name } (inactive)
lines-mac-hint = Any common form: 00:1A:2B:3C:4D:5E, 00-1A-2B-3C-4D-5E or 001a.2b3c.4d5e.
lines-mac-saved-as = Saved as { $mac }.
lines-days-missing = Enter a number of days.
lines-days-whole = Use whole days.
lines-edit-title = Edit subscriber
lines-add-title = Add subscriber
lines-owner-dealer = Line of { $dealer }
lines-owner-own = Your own line
lines-owner-yours = Your line
lines-add-subtitle-partner = An IPTV line for one of your dealers, or your own.
lines-add-subtitle-dealer = A new IPTV line for one of your customers.
lines-add-submit = Add subscriber
lines-fail-add = Correct it and add the subscriber again.
lines-this-line = this line
lines-name = Subscriber name
lines-username = Line username
lines-username-hint = The login of the line.
lines-mac = MAC address
lines-status = Status
lines-status-disabled-hint = Disabled: the line stops working until you set it Active again. Nothing is deleted.
lines-status-active-hint = Active: the line works while it has days left.
lines-suspended-named = { $where ->
    [providers] This line is suspended because { $dealer } is inactive. It works again when the dealer is reactivated on the Providers page.
   *[here] This line is suspended because { $dealer } is inactive. It works again when the dealer is reactivated.
}
lines-suspended-unnamed = { $where ->
    [providers] This line is suspended because its dealer is inactive. It works again when the dealer is reactivated on the Providers page.
   *[here] This line is suspended because its dealer is inactive. It works again when the dealer is reactivated.
}
lines-expired-note = This line expired on { $date }. Use { $extend } in the table to renew it.
lines-dealer = Dealer
lines-dealer-inactive-hint = This dealer is inactive: the line stays suspended until you reactivate the dealer.
lines-dealer-own-hint = Your own line: you manage it yourself.
lines-dealer-hint = The dealer sees and manages this line.
lines-my-own-line = My own line
lines-dealers = Dealers
lines-runs-for = Runs for
lines-expires-on = Expires on { $date }, { $days ->
    [one] { $days } day
   *[other] { $days } days
} from today.
lines-offline-line = Works offline: the line syncs when the server is reachable.
lines-extend-title = Extend line
lines-extend-busy = Extending…
lines-extend-fail = The line is unchanged; try again.
lines-extend-subtitle-expired = { $name } · expired on { $date }
lines-extend-subtitle = { $name } · expires on { $date } ({ $left })
lines-extend-lapsed = This line has expired, so the days count from { $today }.
    .today = today
lines-extend-added = The days are added to the current expiry, { $date }: nothing already paid for is lost.
lines-extend-rule = An extension always counts from the later of today and the current expiry.
lines-extend-by = Extend by
lines-new-expiry = New expiry
lines-extend-from-today = { $days ->
    [one] { $days } day from today
   *[other] { $days } days from today
}
lines-extend-from-date = { $days ->
    [one] { $days } day from { $date }
   *[other] { $days } days from { $date }
}
lines-extend-stays-disabled = The line stays disabled until you set it Active in Edit.
lines-extend-stays-suspended-named = The line stays suspended while { $dealer } is inactive; the days still run.
lines-extend-stays-suspended-unnamed = The line stays suspended while its dealer is inactive; the days still run.
lines-offline-extension = Works offline: the extension syncs when the server is reachable.
lines-remove-title = Remove subscriber?
lines-remove-confirm = Remove subscriber
lines-remove-fail = The line is still there; try again.
lines-remove-sentence = Remove subscriber { $name } (line { $username }, MAC { $mac })? This cannot be undone.
lines-remove-what = The line stops working and is deleted for good. To pause it instead, set it Disabled in Edit.
lines-remove-what-dealer = The line stops working and is deleted for good, also from { $dealer }'s list. To pause it instead, set it Disabled in Edit.
lines-added = Subscriber { $name } added.
lines-added-hint = The line { $username } runs until { $date }.
lines-added-offline = Subscriber { $name } added — it syncs when the server is reachable.
lines-added-offline-hint = The line runs until { $date }.
lines-now-disabled = { $name } is disabled: the line stops working until you set it Active.
lines-active-again = { $name } is active again.
lines-saved = Changes to { $name } saved.
lines-extended = { $days ->
    [one] { $name } extended by { $days } day, to { $date }.
   *[other] { $name } extended by { $days } days, to { $date }.
}
lines-removed = Subscriber { $name } removed.
lines-no-match = No { $state ->
    [active] active lines
    [disabled] disabled lines
    [suspended] suspended lines
    [expired] expired lines
   *[all] lines
}{ $whose ->
    [own] { " " }among your own lines
    [dealer] { " " }of { $dealer }
    [unknown] { " " }of this dealer
   *[all] { "" }
} match “{ $search }”.
lines-none = No { $state ->
    [active] active lines
    [disabled] disabled lines
    [suspended] suspended lines
    [expired] expired lines
   *[all] lines
}{ $whose ->
    [own] { " " }among your own lines
    [dealer] { " " }of { $dealer }
    [unknown] { " " }of this dealer
   *[all] { "" }
}.
lines-title-partner = Subscribers
lines-title-dealer = Your subscribers
lines-description-partner = Every IPTV line you and your dealers sell. Changes work offline and sync when the server is reachable.
lines-description-dealer = The IPTV lines you sell to your customers. Changes work offline and sync when the server is reachable.
lines-loading = Loading subscribers
lines-empty-partner = No subscribers yet — add the first line.
lines-empty-dealer = You have no subscribers yet — add your first line.
lines-empty-how-partner = A subscriber is one IPTV line: a name, the line's username and the MAC address of the customer's device, running for the days you choose. Keep a line as your own or give it to one of your dealers. You can add lines offline too.
lines-empty-how-dealer = A subscriber is one IPTV line: a name, the line's username and the MAC address of the customer's device, running for the days you choose. You can add lines offline too.
lines-none-own = You have no own lines yet.
lines-none-of-dealer = { $dealer } has no lines yet.
lines-dealer-gone = This dealer no longer exists.
lines-dealer-gone-why = It may have been deleted on another device.
lines-none-what-now = Add a line here, or show the lines of all your dealers.
lines-show-all = Show all lines
lines-search-how-partner = Search looks at names, line usernames, MAC addresses and dealers; a MAC matches with or without separators.
lines-search-how-dealer = Search looks at names, line usernames and MAC addresses; a MAC matches with or without separators.
lines-clear-filters = Clear filters
lines-pager-none = 0 subscribers
lines-col-name = Name
lines-col-username = Username
lines-col-mac = MAC
lines-col-dealer = Dealer
lines-col-expires = Expires
lines-col-state = State
lines-col-actions = Actions
lines-own-line = Own line
lines-own-line-tip = Your own line: no dealer sells it.
lines-expires-at = Expires { $date }
lines-extend = Extend
lines-extend-label = Extend { $name }
lines-remove-label = Remove { $name }
lines-remove-tip = Remove this line
lines-filter-all = All
lines-filter-all-tip = Every line
lines-filter-active-tip = Lines that work now
lines-filter-disabled-tip = Lines switched off in Edit
lines-filter-suspended-tip = Lines of inactive dealers
lines-filter-expired-tip = Lines whose paid period is over
lines-search = Search subscribers
lines-search-placeholder-partner = Search name, username, MAC or dealer
lines-search-placeholder-dealer = Search name, username or MAC
lines-show-lines-of = Show the lines of
lines-all-lines = All lines
lines-my-own-lines = My own lines
lines-lines-of-dealer = Lines of dealer
lines-deleted-dealer = A deleted dealer
lines-filter = Filter by state
