# Messages of the app's network screens (see app.ftl).

## Words shared by the network pages (a reseller's side and the partner's Resellers page)

network-status-pending = Pending
    .tip = Waiting for the partner's answer.
network-status-accepted = Accepted
    .tip = The partner accepted: you were linked.
network-status-rejected = Rejected
    .tip = The partner rejected this request.
network-status-withdrawn = Withdrawn
    .tip = You took this request back.
network-status-cancelled = Cancelled
    .tip = Closed while pending: the partner stopped serving resellers or its account was locked.
network-refresh = Refresh
network-refreshing = Refreshing…
network-notifications-none = No notifications yet. Answers to your requests and changes to your links show here.
network-no-message = No message
network-col-partner = Partner
network-col-message = Message
network-col-sent = Sent
network-col-status = Status
network-col-sync = Sync
network-col-actions = Actions
network-request-unchanged = The request is unchanged; try again.
network-request-for-partner = Request for Partner
network-find-partner = Find a partner
network-my-requests = My requests
network-my-partners = My partners
network-linked-partners = Linked partners
network-linked-since = Linked since { $date }
network-open-content = Open content
network-open-content-of = Open the content of { $company }
network-partner-directory = Partner directory
network-loading-partners = Loading your partners

## A partner's card in the directory

network-contact-website = Website
network-contact-messenger = Messenger
network-contact-address = Address
network-card-linked = Linked
network-card-request-sent = Request sent
network-card-note = How they work with resellers
network-card-show-less = Show less
network-card-show-all = Show all
network-card-no-contacts = No contact details shown. Send a Request for Partner to get in touch.
network-card-request-to = Request for Partner: { $company }
network-card-preview = Resellers ask to work with you from here.
network-card-waiting = Waiting for their answer.
network-card-view-requests = View on Requests

## Linked partners

network-more-partners = { $count ->
    [one] and { $count } more partner on the Content page
   *[other] and { $count } more partners on the Content page
}

## Content: a linked partner's stream catalog

network-content-empty = No partner content yet
network-content-empty-text = You read a partner's content once you are linked to it: find the partner in the directory, send a Request for Partner, and once they accept, their stream catalog shows here.
network-content-source = Stream catalog · read from the server
network-content-locked-hint = Nothing to do on your side: the content opens again as soon as the partner pays. Try Refresh later.
network-checking = Checking…
network-check-again = Check again
network-content-not-linked-hint = The partner may have removed you meanwhile; your Requests page shows it after the next sync.
network-content-subject = A partner's content
network-content-offline = Your linked partners and requests stay available offline; the catalog opens when the server is reachable.
network-content-loading = Loading the content of { $company }
network-content-stale = A partner's content needs a connection to the server. Showing the catalog read last.
network-content-stale-hint = Showing the catalog read last.
network-catalog-empty = { $company } has no streams in its catalog yet.
network-catalog-empty-hint = The partner adds its streams; use Refresh to look again later.
network-catalog-search = Search streams of { $company }
network-catalog-search-placeholder = Search name, category or URL
network-catalog-category = Category
network-catalog-all-categories = All categories ({ $count })
network-catalog-filtered = { $shown } of { $total } streams
network-catalog-summary = { $streams ->
    [one] { $streams } stream
   *[other] { $streams } streams
} in { $categories ->
    [one] { $categories } category
   *[other] { $categories } categories
}
network-catalog-no-match = No streams match.
network-catalog-no-match-search = No streams match “{ $search }”.
network-catalog-no-match-category = No streams match in { $category }.
network-catalog-no-match-both = No streams match “{ $search }” in { $category }.
network-catalog-search-looks = Search looks at stream names, categories and URLs.
network-catalog-show-all = Show all streams
network-col-stream = Stream
network-col-stream-url = Stream URL
network-stream-url-what = the stream URL
network-stream-copy-of = Copy the stream URL of { $name }
network-stream-copied = Copied
network-stream-copy = Copy

## Request for Partner (the reseller's window)

network-request-hint-linked = Close this window: the partner's content is on the Content page.
network-request-hint-pending = Close this window and follow it on the Requests page, or withdraw it there first.
network-request-subtitle = To { $company }, { $country }
network-request-send = Send request
network-request-sending = Sending…
network-request-explain = { $company } reads your message and accepts or rejects your request. Once accepted, you are linked and can read their content here; both of you are notified at each step.
network-request-message = Message to the partner
network-request-message-hint = Required. Enter sends; Shift+Enter starts a new line.
network-request-message-example = e.g. Hello, we are StreamCo, an IPTV reseller in Novi Sad with about 400 customers. We would like to offer your sports and news channels. You can reach us at …
network-request-tips = What partners like to read
network-request-tip-who = Who you are: your company, your city or country.
network-request-tip-customers = Your customers: roughly how many, and how you sell to them.
network-request-tip-need = What you need: the channels or categories you want to offer.
network-request-tip-reach = How to reach you, if it is not in your account.
network-request-nothing-sent = Nothing was sent; try again.
network-request-offline = Works offline: the request is sent when the server is reachable.

## The partner directory

network-request-sent-toast = Request sent to { $company }.
network-request-sent-toast-hint = You are notified when they answer; follow it on Requests.
network-request-saved-toast = Request for { $company } saved.
network-request-saved-toast-hint = It is sent when the server is reachable.
network-directory-description = Partners who offer reseller services. Send a Request for Partner; once a partner accepts, you can read their content.
network-directory-search = Search partners
network-directory-search-placeholder = Search company or country
network-directory-filtered = { $shown } of { $total } partners
network-directory-count = { $count ->
    [one] { $count } partner
   *[other] { $count } partners
}
network-directory-count-linked = { $count ->
    [one] { $count } partner
   *[other] { $count } partners
} · { $linked } linked
network-directory-subject = The partner directory
network-directory-offline = Your requests, partners and notifications stay available offline on the Requests page.
network-open-requests = Open Requests
network-directory-loading = Loading the partner directory
network-directory-stale = The partner directory needs a connection to the server. Showing the list read last.
network-directory-stale-hint = Showing the list read last.
network-directory-empty = No partners offer reseller services right now.
network-directory-empty-hint = Partners choose whether resellers can find them. Look again later with Refresh.
network-directory-no-match = No partners match “{ $search }”.
network-directory-search-looks = Search looks at company names and countries.
network-directory-show-all = Show all partners

## The reseller's Requests page

network-withdrawn-toast = Request to { $company } withdrawn.
network-withdrawn-toast-hint = The partner can no longer accept it.
network-requests-description = Requests for Partner you sent and the partners' answers. Withdraw a request while it is pending.
network-requests-pending = pending
network-requests-loading = Loading your requests
network-requests-empty = You have not asked any partner yet
network-requests-empty-text = Find a partner in the directory and send a Request for Partner. Once they accept, you can read their content.
network-open-directory = Open the partner directory
network-no-longer-linked = No longer linked
network-refused = Refused by the server
network-refused-tip = Drop the refused change and show what the server has.
network-refused-what = your request to { $company }
network-refused-discarded = The refused change to your request to { $company } was discarded.
network-withdrawal-waiting = Withdrawal saved on this computer; sent to the server automatically.
network-request-waiting = Request saved on this computer; sent to the server automatically.
network-withdraw-of = Withdraw your request to { $company }
network-withdraw = Withdraw
network-partners-later = Your partners show here once they can be read.
network-partners-empty = No linked partners yet. A partner who accepts your request shows here, with its content one click away.
network-notifications-later = Notifications show here once they can be read.
network-withdraw-title = Withdraw request?
network-withdraw-confirm = Withdraw request
network-withdraw-sentence = Withdraw your Request for Partner to { $company }, sent { $date }?
network-withdraw-explain = { $company } can no longer accept it. You can send a new request later from the partner directory.

## The reseller's dashboard

network-home-welcome = Welcome, { $name }
network-home-intro = Find partners, follow your requests and read your partners' content.
network-home-refused = { $count ->
    [one] { $count } change was refused by the server.
   *[other] { $count } changes were refused by the server.
}
network-home-refused-next = See why on the Requests page, then discard it or send a new request.
network-home-review = Review
network-home-linked-some = Their content is one click away
network-home-linked-none = Not linked to any partner yet
network-home-pending = Pending requests
network-home-pending-some = Waiting for the partners' answers
network-home-pending-none = No request waiting for an answer
network-home-quick = Quick actions
network-home-how = Send a Request for Partner from the directory. Once the partner accepts, you are linked and read their stream catalog under Content.
network-home-partners-empty = No linked partners yet. A partner who accepts your request shows here.
network-home-browse = Browse the partner directory
network-home-all-requests = All requests
network-home-loading-notifications = Loading notifications

## The partner's Resellers page

resellers-remove-title = Remove My Reseller
resellers-reject-title = Reject request
resellers-remove-submit = Remove reseller
resellers-removing = Removing…
resellers-rejecting = Rejecting…
resellers-still-linked = The reseller is still linked; try again.
resellers-remove-sentence = Remove { $company } as your reseller?
resellers-remove-explain = The reseller loses access to your content at once and both of you are notified.
resellers-reject-explain = { $company } is told that you rejected their request and is not linked to you. They may ask again later.
resellers-reason = Reason
resellers-reason-optional = Reason (optional)
resellers-remove-hint = Required. The reseller reads it. Enter removes; Shift+Enter starts a new line.
resellers-reject-hint = The reseller reads it. Enter rejects; Shift+Enter starts a new line.
resellers-remove-offline = Works offline: the removal syncs when the server is reachable.
resellers-reject-offline = Works offline: the answer syncs when the server is reachable.
resellers-col-reseller = Reseller
resellers-col-received = Received
resellers-col-linked-since = Linked since
resellers-accepted = Accepted { $company } as your reseller.
resellers-accepted-hint = They are notified and get your content once the server has the answer.
resellers-rejected = Rejected the request from { $company }.
resellers-rejected-hint = They are notified.
resellers-rejected-hint-reason = They are notified with your reason.
resellers-removed = { $company } is no longer your reseller.
resellers-removed-hint = Their access to your content ends and both of you are notified.
resellers-requests-title = Requests for Partner
resellers-requests-description = Resellers who want to sell your content. Accept to link them to you, or reject with a reason.
resellers-requests-loading = Loading requests
resellers-requests-empty = No requests waiting. Resellers find you in the partner directory while you offer reseller services.
resellers-accept = Accept
resellers-accept-from = Accept the request from { $company }
resellers-reject = Reject
resellers-reject-from = Reject the request from { $company }
resellers-mine = My Resellers
resellers-mine-description = Resellers linked to you sell your content to their own customers.
resellers-mine-loading = Loading your resellers
resellers-mine-later = Your resellers show here once they can be read.
resellers-mine-empty = No resellers yet. Accept a Request for Partner and the reseller shows here.
resellers-removal-waiting = Removal saved on this computer; sent to the server automatically.
resellers-remove-of = Remove { $company } as my reseller
resellers-from = From { $company }
resellers-linked-subtitle = { $company }, linked since { $date }
resellers-waiting = Saved on this computer; sent to the server automatically.
