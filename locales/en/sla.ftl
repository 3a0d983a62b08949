## Support SLA reminders (to staff) and the after-hours notice (to customers)

sla-untaken =
    ⏰ Ticket <b>#{ $id }</b> from { $customer } has been waiting { $minutes } min and nobody has taken it yet.
    { $text }
sla-escalated =
    🚨 Ticket <b>#{ $id }</b> from { $customer } is still not taken: the support team was reminded { $minutes } min ago. Please take it or hand it to someone.
    { $text }
sla-unanswered = ⏰ The customer { $customer } has been waiting { $minutes } min for your answer in ticket <b>#{ $id }</b>. Reply to their message or open it in /tickets.
sla-after-hours = 🌙 Support works from { $from } to { $to } ({ $zone } time). We will answer after { $opens }.
