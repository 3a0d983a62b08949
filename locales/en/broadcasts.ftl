## Advertising: broadcasts and automatic campaigns

## Section menu
bc-menu = 📣 <b>Advertising</b>
    Broadcasts to subscribers and automatic campaigns.
bc-btn-new = ✍️ New broadcast
bc-btn-list = 📋 Broadcasts
bc-btn-auto = 🤖 Automatic campaigns

## Compose: the text step
bc-ask-text =
    Send the text of the broadcast. Format it right in Telegram — bold, italics, links and spoilers are kept — or forward a post you have prepared. A photo with a caption works too.
    <code>{"{"}name{"}"}</code> is replaced by the recipient's first name. If you prefer HTML, tags work as well (<code>&lt;b&gt;</code>, <code>&lt;a href="…"&gt;</code>). /cancel to stop.
bc-bad-html = ⚠️ Telegram would not accept this text: { $problem } Fix it and send it again — or format the text with Telegram's own tools, without tags.
bc-html-tag = there is no tag <code>&lt;{ $tag }&gt;</code>. These work: <code>b, i, u, s, a, code, pre, blockquote, tg-spoiler</code>.
bc-html-escape = write the character <code>{ $char }</code> as <code>{ $escaped }</code>.
bc-html-entity = <code>{ $entity }</code> is not supported; only <code>&amp;lt; &amp;gt; &amp;amp; &amp;quot;</code> are.
bc-html-mismatch = the tags are mixed up: <code>&lt;/{ $expected }&gt;</code> was expected, but there is <code>&lt;/{ $found }&gt;</code>.
bc-html-unclosed = the tag <code>&lt;{ $tag }&gt;</code> is never closed.
bc-html-extra-end = there is a closing tag too many.
bc-html-no-href = a link <code>&lt;a&gt;</code> has no address (<code>href="https://…"</code>).
bc-html-broken = the HTML markup is broken.
bc-html-bad-link = ⚠️ The link <code>{ $link }</code> would not open: Telegram drops it and keeps only the text. Use an address that starts with https:// or http:// and send the text again.
bc-html-empty = ⚠️ The broadcast has no text. Send a text or a photo with a caption.
bc-html-too-long = ⚠️ The text is longer than { $max } characters — Telegram will not accept it. Shorten it and send again.

## Draft
bc-draft =
    📝 <b>Draft #{ $id }</b>
    <blockquote>{ $text }</blockquote>
    Photo: { $photo }
    Buttons:
    { $buttons }
    Audience: { $audience } — <b>{ $count }</b> { $count ->
        [one] recipient
       *[other] recipients
    }
    When: { $schedule }
bc-yes = yes
bc-no = no
bc-btn-preview = 👁 Preview
bc-btn-text = ✏️ Text
bc-btn-add-button = ➕ Add a button
bc-btn-clear-buttons = 🧹 Remove buttons
bc-btn-audience = 👥 Audience
bc-btn-schedule = 🕒 Schedule
bc-btn-confirm = ✅ Confirm
bc-btn-delete = 🗑 Delete
bc-preview-sent = The preview is below.
bc-not-draft = This draft no longer exists or has been confirmed.
bc-deleted = Draft deleted.

## Buttons: the label, then a link or a service from the catalog
bc-ask-button-label = What should the button say? For example, <i>Book with a discount</i>.
bc-bad-button-label = ⚠️ The label must be one line of at most { $max } characters.
bc-ask-button-target =
    Where does the button “{ $label }” lead?
    Send a link (for example, <code>https://example.com</code>) or pick a service from the catalog.
bc-btn-target-product = 🛍 A service from the catalog
bc-bad-url = ⚠️ Telegram could not open that as a link. Send an address such as <code>https://example.com</code>, or pick a service from the catalog.
bc-pick-product = Which service should the button open?
bc-no-products = There are no services available in the catalog.
bc-product-unavailable = This service is not available (or the draft already has the maximum of buttons).

## Audience
bc-pick-audience = Who gets this broadcast? (Users who unsubscribed or blocked the bot never do.)
bc-aud-all = Everyone
bc-aud-customers = Customers with orders
bc-aud-no_orders = Users without orders
bc-aud-abandoned = Started an order, did not finish
bc-aud-language = Language: { $language }

## Schedule: picker, steps, labels
bc-pick-schedule = When should it be sent? Give times { $zone }.
bc-btn-sched-now = Now
bc-btn-sched-once = At a date and time
bc-btn-sched-daily = Every day
bc-btn-sched-weekly = Every week
bc-btn-sched-cron = Custom schedule
bc-zone-moscow = Moscow time
bc-zone-named = { $zone } ({ $offset })
bc-zone-offset = { $offset }
bc-ask-once = When should it go out? Send the date and time ({ $zone }), e.g. <code>{ $example }</code>, or <code>tomorrow 10:00</code>.
bc-bad-date = ⚠️ That date could not be read. Write it like <code>{ $example }</code>, or <code>today 18:00</code>, <code>tomorrow 10:00</code>.
bc-past-date = ⚠️ { $when } ({ $zone }) has already passed. Send a time in the future, e.g. <code>{ $example }</code>.
bc-ask-daily = At what time every day? Send the time ({ $zone }), e.g. <code>10:00</code>.
bc-bad-daily = ⚠️ Send the time as <code>10:00</code>: hours and minutes with a colon.
bc-ask-weekly = Send the day of the week and the time ({ $zone }), e.g. <code>mon 10:00</code>.
bc-bad-weekly = ⚠️ Send the day (mon, tue, wed, thu, fri, sat, sun) and the time, e.g. <code>mon 10:00</code>.
bc-ask-cron =
    Send the schedule as five fields separated by spaces ({ $zone }): minute, hour, day of the month, month, day of the week (<code>*</code> means any).
    For example, <code>0 10 * * 1-5</code> is weekdays at 10:00, <code>30 9 1 * *</code> is the first of every month at 9:30.
bc-bad-cron = ⚠️ That schedule could not be read. It needs five fields separated by spaces, e.g. <code>0 10 * * 1-5</code> for weekdays at 10:00.
bc-sched-now = right after confirming
bc-sched-once = once, { $when } ({ $zone })
bc-sched-recurring = { $every } ({ $zone }), next on { $when }
bc-every-day = every day at { $time }
bc-every-week = every { $day ->
        [1] Monday
        [2] Tuesday
        [3] Wednesday
        [4] Thursday
        [5] Friday
        [6] Saturday
       *[0] Sunday
    } at { $time }
bc-every-custom = on the schedule “{ $schedule }”

## Confirm
bc-confirm =
    Send to <b>{ $count }</b> { $count ->
        [one] recipient
       *[other] recipients
    } ({ $audience }), { $schedule }?
bc-btn-go = 🚀 Yes, send
bc-btn-go-scheduled = 🕒 Yes, schedule
bc-confirm-not_draft = This broadcast has already been confirmed.
bc-confirm-no_schedule = Choose when to send it first.
bc-confirm-past = The time of this broadcast has passed. Choose a new one under "Schedule".
bc-started = 🚀 Broadcast #{ $id } started: { $total } { $total ->
        [one] recipient
       *[other] recipients
    }. The progress message follows.
bc-scheduled = 🕒 Broadcast #{ $id } scheduled: { $schedule }.

## List
bc-list = 📋 Recent broadcasts:
bc-list-empty = No broadcasts yet.
bc-state-icon-draft = 📝
bc-state-icon-scheduled = 🕒
bc-state-icon-sent = ✅
bc-state-icon-cancelled = ✖️

## Statistics
bc-stats =
    📊 <b>Broadcast #{ $id }</b> — { $state }
    When: { $schedule }
    Runs: { $runs } · recipients: { $total }
    ✅ Delivered: { $delivered } (of which unconfirmed: { $unconfirmed })
    ❌ Failed: { $failed }
    🚫 Blocked: { $blocked }
    ⏭ Skipped: { $skipped } · waiting: { $pending }{ $cancelled ->
        [0] {""}
       *[other] {" · "}not sent after the cancel: { $cancelled }
    }
    👆 Clicks: { $clicks } ({ $clickers } { $clickers ->
        [one] person
       *[other] people
    })
    🛒 Orders within 7 days of a click: { $orders }
bc-state-draft = draft
bc-state-scheduled = scheduled
bc-state-sent = sent
bc-state-cancelled = cancelled
bc-not-found = Broadcast not found.
bc-btn-refresh = 🔄 Refresh
bc-btn-unschedule = 🛑 Stop the schedule
bc-unscheduled = The schedule is stopped.
bc-not-scheduled = It is not scheduled.

## Progress message and run control
bc-progress =
    📣 <b>Broadcast #{ $id }</b> — { $state }
    { $bar }
    ✅ Delivered: { $sent } (unconfirmed: { $unconfirmed })
    ❌ Failed: { $failed }
    🚫 Blocked the bot: { $blocked }
    ⏭ Skipped: { $skipped }
bc-progress-cancelled = ✖️ Not sent after the cancel: { $cancelled }
bc-progress-in-flight = ⏳ On their way, waiting for confirmation: { $pending }
bc-progress-total = 👥 Total: { $total }
bc-progress-rate = ⚡ Rate: { NUMBER($rate, minimumFractionDigits: 1, maximumFractionDigits: 1) } messages/s · { $eta } left
bc-progress-average = ⚡ Average rate: { NUMBER($rate, minimumFractionDigits: 1, maximumFractionDigits: 1) } messages/s
bc-run-state-running = sending
bc-run-state-paused = paused
bc-run-state-cancelled = cancelled
bc-run-state-done = finished
bc-btn-pause = ⏸ Pause
bc-btn-resume = ▶️ Resume
bc-btn-cancel-run = ✖️ Cancel
bc-btn-stats = 📊 Statistics
bc-run-paused = Paused.
bc-run-resumed = Resumed.
bc-run-cancelled = Cancelled.
bc-run-unchanged = Nothing to change: the broadcast is not in that state.

## Automatic campaigns: list and detail
bc-auto = 🤖 <b>Automatic campaigns</b> — each can be switched on and off.
bc-camp-new_product = New or re-enabled service
bc-camp-abandoned = Unfinished order reminder
bc-camp-winback = Win-back with a promo code
bc-camp-followup = Follow-up after /start
bc-camp-detail =
    <b>{ $name }</b> — { $state }
    { $about }
    Text: { $text }
bc-camp-new_product-about = A message to everyone when a service is added or switched back on.
bc-camp-abandoned-about = A reminder { $n } h after a user stopped ordering (once per user and service).
bc-camp-winback-about = A personal single-use code for { $discount }% off to users who have not been around for { $n } { $n ->
    [one] day
   *[other] days
}.
bc-camp-followup-about = A message { $n } h after /start to users who have not ordered.
bc-camp-default-text = the default text (in each user's language)
bc-on = ✅ on
bc-off = ⛔ off
bc-btn-turn-on = ✅ Switch on
bc-btn-turn-off = ⛔ Switch off
bc-btn-delay = ⏱ Delay
bc-btn-discount = 💸 Discount
bc-btn-camp-text = ✏️ Text
bc-btn-camp-default = ↩️ Default text
bc-camp-turned-on = Switched on.
bc-camp-turned-off = Switched off.
bc-camp-text-reset = The default text is back.

## Campaign steps: delay, discount, text
bc-ask-delay-hours = Send the delay in hours (1–720).
bc-ask-delay-days = Send the number of days of inactivity (1–365).
bc-bad-number = ⚠️ Send a whole number from 1 to { $max }.
bc-ask-discount = Send the discount in percent (1–90).
bc-ask-camp-text = Send the campaign text, formatted in Telegram or in HTML. Placeholders: <code>{"{"}name{"}"}</code>, <code>{"{"}product{"}"}</code>, <code>{"{"}code{"}"}</code>, <code>{"{"}discount{"}"}</code>.

## What recipients see: ad buttons and the campaigns' default texts
bc-btn-unsubscribe = 🔕 Unsubscribe from news
bc-btn-resubscribe = 🔔 Subscribe again
bc-unsubscribed = You have unsubscribed from news. Changed your mind? Press “Subscribe again”.
bc-resubscribed = You are subscribed to news again.
bc-btn-open-product = 🛍 Open
bc-auto-new_product-text =
    🆕 <b>{ $product }</b> is now available at PHOENIX!
    Take a look — tap the button below.
bc-auto-abandoned-text =
    { $name }, you started ordering <b>{ $product }</b> but did not finish.
    Pick up where you left off — tap the button below.
bc-auto-winback-text =
    { $name }, we miss you! Here is your personal promo code for { $discount }% off any service: <code>{ $code }</code>
    It works once and only for you. /catalog
bc-auto-followup-text =
    { $name }, thanks for stopping by the PHOENIX bot! Have you picked a service yet? All of them are in /catalog, and if you would like help choosing, write to us in /support.
bc-auto-none-text = PHOENIX news

## The "open product" deep link
bc-link-invalid = This link is broken.
