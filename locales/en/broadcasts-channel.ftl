## Advertising: "also post to the channel"

bc-channel-off = 📣 Also post to the channel: off
bc-channel-on = 📣 Also post to the channel: ✅ on
bc-channel-not-admin = The bot cannot post to { $channel }: make it an administrator of the channel with the right to post messages, then try again.
bc-channel-note = 📣 It will also be posted once to the channel { $channel }.
bc-channel-reader = friends
bc-stats-channel = 📣 Channel: posted { $posted }{ $pending ->
        [0] {""}
       *[other] {" · "}waiting { $pending }
    }{ $failed ->
        [0] {""}
       *[other] {" · "}failed { $failed }
    }
