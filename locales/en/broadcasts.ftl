## Advertising: broadcasts and automatic campaigns

## Section menu
bc-menu = 📣 <b>Advertising</b>
    Broadcasts to subscribers and automatic campaigns.
bc-btn-new = ✍️ New broadcast
bc-btn-list = 📋 Broadcasts
bc-btn-auto = 🤖 Automatic campaigns

## Compose: the text step
bc-ask-text =
    Send the text of the broadcast in HTML (<code>&lt;b&gt;</code>, <code>&lt;i&gt;</code>, <code>&lt;a href="…"&gt;</code>…), or a photo with the text as its caption.
    <code>{"{"}name{"}"}</code> is replaced by the recipient's first name. /cancel to stop.
bc-bad-html = ⚠️ Telegram would not accept this text: { $reason }. Fix it and send it again (write &lt; &gt; &amp; as <code>&amp;lt; &amp;gt; &amp;amp;</code>).
bc-html-empty = ⚠️ The broadcast has no text. Send a text or a photo with a caption.
bc-html-too-long = ⚠️ The text is longer than { $max } characters — Telegram will not accept it. Shorten it and send again.

## Draft
bc-draft =
    📝 <b>Draft #{ $id }</b>
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
bc-btn-add-url = 🔗 URL button
bc-btn-add-product = 🛍 Product button
bc-btn-clear-buttons = 🧹 Remove buttons
bc-btn-audience = 👥 Audience
bc-btn-schedule = 🕒 Schedule
bc-btn-confirm = ✅ Confirm
bc-btn-delete = 🗑 Delete
bc-preview-sent = The preview is below.
bc-not-draft = This draft no longer exists or has been confirmed.
bc-deleted = Draft deleted.

## Buttons: the URL step and the product picker
bc-ask-url = Send the button as <code>Text | https://example.com</code>.
bc-bad-url = ⚠️ Send the button as <code>Text | https://example.com</code> (an http or https link).
bc-pick-product = Which product should the button open?
bc-no-products = There are no active products.
bc-product-unavailable = This product is not available (or the draft already has the maximum of buttons).

## Audience
bc-pick-audience = Who gets this broadcast? (Users who unsubscribed or blocked the bot never do.)
bc-aud-all = Everyone
bc-aud-customers = Customers with orders
bc-aud-no_orders = Users without orders
bc-aud-abandoned = Started an order, did not finish
bc-aud-language = Language: { $language }

## Schedule: picker, steps, labels
bc-pick-schedule = When should it be sent? Times are in { $tz }.
bc-btn-sched-now = Now
bc-btn-sched-once = At a date and time
bc-btn-sched-daily = Every day
bc-btn-sched-weekly = Every week
bc-btn-sched-cron = Cron expression
bc-ask-once = Send the date and time ({ $tz }), e.g. <code>2026-12-31 18:00</code>.
bc-bad-date = ⚠️ Send a future date and time in { $tz } as <code>2026-12-31 18:00</code>.
bc-ask-daily = Send the time of day ({ $tz }), e.g. <code>10:00</code>.
bc-bad-daily = ⚠️ Send the time as <code>HH:MM</code>.
bc-ask-weekly = Send the day and time ({ $tz }), e.g. <code>mon 10:00</code>.
bc-bad-weekly = ⚠️ Send the day ({ $days }) and time, e.g. <code>mon 10:00</code>.
bc-ask-cron = Send a cron expression with 5 fields ({ $tz }), e.g. <code>0 10 * * 1-5</code>.
bc-bad-cron = ⚠️ That is not a valid 5-field cron expression.
bc-sched-now = right after confirming
bc-sched-once = once, { $when }
bc-sched-recurring = recurring (<code>{ $cron }</code>, { $tz }), next: { $when }

## Confirm
bc-confirm =
    Send to <b>{ $count }</b> { $count ->
        [one] recipient
       *[other] recipients
    } ({ $audience }), { $schedule }?
bc-btn-go = 🚀 Yes, send
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
    ⏭ Skipped: { $skipped } · waiting: { $pending }
    👆 Clicks: { $clicks } ({ $clickers } people)
    🛒 Orders within 7 days after a click: { $orders }
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
    👥 Total: { $total }
    ⚡ Rate: { $rate } msg/s · ETA { $eta }
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
bc-camp-new_product = New or re-enabled product
bc-camp-abandoned = Unfinished order reminder
bc-camp-winback = Win-back with a promo code
bc-camp-followup = Follow-up after /start
bc-camp-detail =
    <b>{ $name }</b> — { $state }
    { $about }
    Text: { $text }
bc-camp-new_product-about = Everyone hears about a product when it is added or switched back on.
bc-camp-abandoned-about = A reminder { $n } h after a user stopped ordering (once per user and product).
bc-camp-winback-about = A personal single-use code for { $discount }% off to users inactive for { $n } days.
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
bc-ask-camp-text = Send the text in HTML. Placeholders: <code>{"{"}name{"}"}</code>, <code>{"{"}product{"}"}</code>, <code>{"{"}code{"}"}</code>, <code>{"{"}discount{"}"}</code>.

## What recipients see: ad buttons and the campaigns' default texts
bc-btn-unsubscribe = 🔕 Unsubscribe from news
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
    { $name }, thanks for starting the PHOENIX bot! Have you chosen a service yet? See /catalog — we will gladly help.
bc-auto-none-text = PHOENIX news

## The "open product" deep link
bc-link-invalid = This link is broken.
