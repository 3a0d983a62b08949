## Owner alerts and their switches (/admin → Settings)

admin-btn-settings = ⚙️ Settings
alert-settings =
    <b>⚙️ Settings · alerts</b>
    Which events should the bot tell you about? Tap to switch. These settings are yours only; other owners choose their own.
alert-settings-owner-only = Alerts are set by each owner for themselves.
alert-setting-invite = A staff invite link was used
alert-setting-cancel = A customer cancelled an order
alert-setting-rating = A request was rated 1–2 stars
alert-setting-broadcast = A broadcast finished or failed

alert-invite-used = 👤 { $name } (id { $id }) joined the team via an invite link as { $role ->
        [admin] an administrator
       *[other] a support agent
    }.
alert-order-cancelled = ↩️ { $customer } cancelled order <b>#{ $id }</b> ({ $title }).
alert-low-rating = ⚠️ Request <b>#{ $id }</b> was rated { $stars } { $stars ->
        [one] star
       *[other] stars
    } by { $customer }. Agent: { $agent }.
alert-broadcast-finished = 📣 Broadcast <b>#{ $id }</b> finished: delivered { $delivered } of { $total }, failed { $failed }, blocked the bot { $blocked }.
alert-broadcast-failed = ❗ Broadcast <b>#{ $id }</b> failed: none of its { $total } messages was delivered (failed { $failed }, blocked the bot { $blocked }).
