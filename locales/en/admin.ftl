## Admin panel: menu, staff, statistics, orders board

admin-refused = The admin panel is for owners and administrators only.
admin-menu =
    <b>⚙️ Admin panel</b>
    Choose a section.
admin-btn-products = 🛍 Products
admin-btn-promo = 🏷 Promo codes
admin-btn-orders = 📦 Orders
admin-btn-staff = 👥 Support agents
admin-btn-stats = 📊 Statistics
admin-btn-ads = 📣 Advertising
admin-btn-back = ◀ Back
admin-btn-cancel = ✖ Cancel
admin-btn-confirm-delete = 🗑 Yes, delete
admin-role-owner = owner
admin-role-admin = administrator
admin-role-support = support agent
admin-role-customer = customer
admin-staff-list =
    <b>👥 Support agents</b>
    🛡 — administrator, 🎧 — support agent, ⏸ — notifications paused.
    Choose someone or add a new member.
admin-staff-empty =
    <b>👥 Support agents</b>
    Nobody yet. Invite an agent with a link or add one by Telegram ID.
admin-staff-btn-invite-support = ➕ Invite an agent
admin-staff-btn-invite-admin = ➕ Invite an admin
admin-staff-btn-add-id = 🔢 Add by Telegram ID
admin-staff-btn-make-admin = 🛡 Make administrator
admin-staff-btn-make-support = 🎧 Make support agent
admin-staff-btn-remove = 🗑 Remove
admin-staff-member =
    <b>{ $name }</b>
    Telegram ID: <code>{ $id }</code>
    Role: { $role }
    Notifications: { $status }
    On the team since { $since }
admin-staff-not-started = has not started the bot yet
admin-staff-paused = paused
admin-staff-active = on
admin-staff-gone = This person is no longer on the staff list.
admin-staff-owner-only = Only an owner can grant or revoke the administrator role.
admin-staff-invite =
    <b>Invitation: { $role }</b>
    Send this link to the person you want to add:
    { $link }

    The link works once and expires in 24 hours.
admin-staff-ask-id = Send the numeric Telegram ID of the new support agent (e.g. 123456789). @userinfobot can tell it.
admin-staff-bad-id = That is not a Telegram ID: it must be a positive whole number, digits only. Please try again.
admin-staff-is-owner = This is an owner of the bot: they already have every right.
admin-staff-already = This person is already on the team.
admin-staff-added = ✅ Support agent added.
admin-staff-remove-confirm =
    Remove <b>{ $name }</b> from the staff?
    The tickets they are working on go back to the open queue.
admin-staff-removed = Removed. Tickets returned to the queue: { $tickets }.
admin-staff-you-are-staff = You have been added to the PHOENIX team as { $role }. See /help for your commands.
admin-staff-role-changed = Your role on the PHOENIX team is now: { $role }. See /help for your commands.
admin-staff-you-are-removed = You are no longer on the PHOENIX staff. Thank you for your work!
admin-invite-welcome =
    🎉 Welcome to the PHOENIX team! Your role: { $role }.
    New tickets come to you as notifications; pause them in /tickets. Your commands: { $help }.
admin-invite-unknown = This invitation link was not found. Please ask for a new one.
admin-invite-used = This invitation link has already been used. Please ask for a new one.
admin-invite-expired = This invitation link has expired. Please ask for a new one.
admin-invite-owner = You own this bot: you need no invitation.
admin-stats =
    <b>📊 Statistics</b>

    <b>Users:</b> { $users }
    new in 7 days: { $new7 }, in 30 days: { $new30 }
    blocked the bot: { $blocked }

    <b>Orders:</b> new { $created }, in work { $inWork }, done { $done }, cancelled { $cancelled }
    <b>Revenue</b> (done orders): { $revenue }
    <b>Conversion:</b> { $conversion } ({ $buyers } of { $users } users ordered)

    <b>Tickets:</b> open { $ticketsOpen }, closed { $ticketsClosed }
    <b>Average first response:</b> { $firstResponse }
    <b>Average rating:</b> { $rating } ({ $rated } ratings)
admin-stats-none = —
admin-stats-btn-chart = 📈 30-day chart
admin-stats-chart-wait = Drawing the chart…
admin-chart-title = Orders and new users, last { $days } days
admin-chart-orders = Orders
admin-chart-users = New users
admin-chart-caption = 📈 Last { $days } days: { $orders } orders, { $users } new users.
admin-duration-seconds = { $s } s
admin-duration-minutes = { $m } min
admin-duration-hours = { $h } h { $m } min
admin-duration-days = { $d } d { $h } h
admin-orders =
    <b>📦 Orders</b>
    Choose a state.
admin-orders-state = <b>📦 Orders: { $state }</b> ({ $total } in all)
admin-orders-none = <b>📦 Orders: { $state }</b>
    No such orders.
admin-order-executor = Executor: { $name }
admin-order-no-executor = —
