## /support: the problem

support-staff-use-tickets = You are on the support staff: customers' tickets are under /tickets.
support-ask =
    ✍️ Describe your problem in one message. You can also send a photo with a caption.
    /cancel — cancel
support-interrupted = Your request was not sent. When you are ready to describe the problem, send /support.
support-need-caption = Please add a caption to the photo describing the problem.
support-text-only = Please describe the problem in text, or send a photo with a caption.
support-created =
    ✅ Ticket <b>#{ $id }</b> is created. Support agents have been notified.
    Until the ticket is closed, the bot is in support mode: write here and your messages go to the agent.
support-created-nobody =
    ✅ Request <b>#{ $id }</b> is created. Nobody from support is available right now: your request is saved and will be seen as soon as someone is back.
    Until it is closed, the bot is in support mode: write here and your messages are added to the request.

## Waiting: the ticket is open

support-waiting =
    ⏳ Your ticket <b>#{ $id }</b> is open. Until it is closed the bot is in support mode: just write here and your messages go to support.
    To close it yourself, press "Withdraw ticket".
support-waiting-alert = Your ticket #{ $id } is open. Write your message in the chat, or withdraw the ticket.
support-waiting-unsupported = Only text and photos reach support. Your ticket #{ $id } is open.
support-message-saved = ✉️ Added to ticket #{ $id }. The agent who takes it will see it.
support-btn-withdraw = ↩️ Withdraw ticket

## Withdraw

support-withdrawn = ↩️ Ticket #{ $id } is withdrawn. You can use the bot again.
support-withdraw-gone = This ticket is no longer open.

## About the ticket, from the support desk

support-taken = 👤 { $agent } is handling your ticket #{ $id }.
support-agent-message =
    💬 <b>{ $agent }</b> (support), ticket #{ $id }:
    { $text }
support-redirected = 🔀 Your ticket #{ $id } was handed to { $agent }.
support-requeued = ⏳ Your ticket #{ $id } is waiting for another agent.
support-closed =
    ✅ Ticket #{ $id } is closed. You can use the bot again.
    Please rate the help from 1 to 5:
support-reopened =
    🔄 Ticket #{ $id } is open again. The bot is back in support mode: write here and your messages go to the agent.

## Rating

support-rated = Thank you! You rated ticket #{ $id }: { $stars }
support-rate-thanks = Thank you for the rating!
support-rate-already = You have already rated this ticket.
support-rate-unavailable = This ticket cannot be rated now.
