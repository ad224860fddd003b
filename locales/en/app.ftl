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
