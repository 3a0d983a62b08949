## Channel subscription gate: the message and "I've subscribed"

gate-required = To use the bot, please subscribe to our channel, then press "I've subscribed".
gate-btn-subscribe = Subscribe to the channel
gate-btn-check = I've subscribed
gate-still-not-subscribed = We can't see your subscription yet. Subscribe to the channel and press the button again.
gate-thanks = Thank you for subscribing!
gate-confirmed = ✅ Subscription confirmed. Welcome!

## To the owners: the bot cannot check subscriptions

gate-owner-warning =
    ⚠️ The bot cannot check subscriptions to { $channel }: { $reason }.
    Until this is fixed, users are let through unchecked. Make the bot an administrator of the channel and check CHANNEL_ID.
