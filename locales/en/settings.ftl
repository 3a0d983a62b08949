## Settings (news subscription)

settings-ads-on = 📰 You receive news and offers from PHOENIX.
settings-ads-off = 🔕 You do not receive news and offers. Order and support messages still arrive.
settings-btn-ads-off = 🔕 Unsubscribe from news
settings-btn-ads-on = 📰 Subscribe to news
settings-unsubscribed = You have unsubscribed from news. /settings to turn them back on.
settings-subscribed = You will receive news and offers again.
