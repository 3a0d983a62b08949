## Staff: the list

admin-staff-list =
    <b>👥 Staff</b>
    🛡 — administrator, 🎧 — support agent, ⏸ — notifications paused.
    Choose someone or add a new member.
admin-staff-empty =
    <b>👥 Staff</b>
    Nobody yet. Invite an agent with a link or add one by Telegram ID.
admin-staff-btn-invite-support = ➕ Invite an agent
admin-staff-btn-invite-admin = ➕ Invite an admin
admin-staff-btn-add-id = 🔢 Add by Telegram ID

## Staff: a member and their role

admin-staff-member =
    <b>{ $name }</b>
    Telegram ID: <code>{ $id }</code>
    Role: { $role }
    Notifications: { $status }
    On the team since { $since }
admin-role-owner = owner
admin-role-admin = administrator
admin-role-support = support agent
admin-role-customer = customer
admin-staff-not-started = has not started the bot yet
admin-staff-paused = paused
admin-staff-active = on
admin-staff-btn-make-admin = 🛡 Make administrator
admin-staff-btn-make-support = 🎧 Make support agent
admin-staff-btn-remove = 🗑 Remove
admin-staff-role-confirm =
    Change the role of <b>{ $name }</b>?
    Now: { $from }. New: { $to }.
    { $means }
admin-staff-role-admin-means = An administrator manages services, promo codes, orders, advertising and support agents.
admin-staff-role-support-means = A support agent answers tickets and no longer has the admin panel.
admin-staff-btn-role-yes = ✅ Yes, change the role
admin-staff-gone = This person is no longer on the staff list.
admin-staff-owner-only = Only an owner can grant or revoke the administrator role.

## Staff: invitation link

admin-staff-invite =
    <b>Invitation: { $role }</b>
    Send this link to the person you want to add:
    { $link }

    The link works once and expires in 24 hours.
admin-invite-welcome =
    🎉 Welcome to the PHOENIX team! Your role: { $role }.
    New tickets come to you as notifications; pause them in /tickets. Your commands: { $help }.
admin-invite-unknown = This invitation link was not found. Please ask for a new one.
admin-invite-used = This invitation link has already been used. Please ask for a new one.
admin-invite-expired = This invitation link has expired. Please ask for a new one.
admin-invite-owner = You own this bot: you need no invitation.

## Staff: adding by Telegram ID

admin-staff-ask-id = Send the numeric Telegram ID of the new support agent (e.g. 123456789). They can look it up with @userinfobot.
admin-staff-bad-id = That does not look like a Telegram ID: it is digits only, e.g. 123456789.
admin-staff-is-owner = This is an owner of the bot: owners already have every permission.
admin-staff-already = This person is already on the team.
admin-staff-added = ✅ Support agent added.

## Staff: removal

admin-staff-remove-confirm =
    Remove <b>{ $name }</b> from the staff?
    The tickets they are working on go back to the open queue.
admin-staff-removed = Removed. Tickets sent back to the queue: { $tickets }.

## Staff: what the member is told

admin-staff-you-are-staff = You have joined the PHOENIX team. Your role: { $role }. See /help for your commands.
admin-staff-role-changed = Your role on the PHOENIX team is now: { $role }. See /help for your commands.
admin-staff-you-are-removed = You are no longer on the PHOENIX staff. Thank you for your work!
