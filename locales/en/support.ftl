## /support: the problem

support-staff-use-tickets = You are on the support team: customer requests are in /tickets.
support-ask =
    ✍️ Please describe your question in one message. You can also send a photo with a caption.
    /cancel — never mind
support-interrupted = Your request was not sent. When you are ready to describe your question, send /support.
support-need-caption = The photo needs a caption: say briefly what happened.
support-text-only = You can send text here, or a photo with a caption.
support-created =
    ✅ Request <b>#{ $id }</b> received; our support team has been notified.
    While the request is open, everything you write in this chat goes to the support team.
support-created-nobody =
    ✅ Request <b>#{ $id }</b> received. Nobody from support is available right now: your request is saved and will be seen as soon as someone is back.
    While the request is open, everything you write in this chat is added to it.

## Waiting: the ticket is open

support-waiting =
    ⏳ Your request <b>#{ $id }</b> is open. Until it is closed, everything you write in this chat goes to the support team.
    If you no longer need help, you can close the request yourself with “Withdraw request”.
support-waiting-alert = Your request #{ $id } is open. Write your message in the chat, or withdraw the request.
support-waiting-unsupported = Only text and photos reach support. Your request #{ $id } is open.
support-message-saved = ✉️ Added to request #{ $id }. Support will see it as soon as someone picks up the request.
support-btn-withdraw = ↩️ Withdraw request

## Withdraw

support-withdrawn = ↩️ Request #{ $id } is withdrawn. The bot works as usual again.
support-withdraw-gone = This request is already closed.

## About the ticket, from the support desk

support-taken = 👤 { $agent } from support is handling your request #{ $id }.
support-agent-message =
    💬 <b>{ $agent }</b>, support · request #{ $id }:
    { $text }
support-redirected = 🔀 { $agent } is now handling your request #{ $id }.
support-requeued = ⏳ Another member of our support team will pick up your request #{ $id } shortly.
support-closed =
    ✅ Request #{ $id } is closed. The bot works as usual again.
    Please rate the help you got, from 1 to 5:
support-reopened =
    🔄 Request #{ $id } is open again. Everything you write in this chat goes to the support team again.

## Rating

support-rated = Thank you! You rated the help with request #{ $id }: { $stars }
support-rate-thanks = Thank you for the rating!
support-rate-already = You have already rated the help with this request.
support-rate-unavailable = This request cannot be rated right now.
