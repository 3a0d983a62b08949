## Channel subscription gate: the message and "I've subscribed"

gate-required = To use the bot, please subscribe to our channel and then press “I've subscribed”.
gate-btn-subscribe = Subscribe to the channel
gate-btn-check = I've subscribed
gate-still-not-subscribed = We can't see your subscription yet. Please subscribe to the channel and press “I've subscribed” again.
gate-thanks = Thank you for subscribing!
gate-confirmed = ✅ Subscription confirmed. Welcome!

## To the owners: the bot cannot check subscriptions

gate-owner-warning =
    ⚠️ The bot cannot check subscriptions to { $channel }: { $reason }.
    Until this is fixed, everyone gets in without the check. Make the bot an administrator of the channel and check CHANNEL_ID.
