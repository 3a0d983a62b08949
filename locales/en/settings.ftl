## Settings (news subscription)

settings-ads-on = 📰 You get news and offers from PHOENIX.
settings-ads-off = 🔕 You don't get news and offers. Messages about your orders and support requests still arrive.
settings-btn-ads-off = 🔕 Unsubscribe from news
settings-btn-ads-on = 📰 Subscribe to news
settings-unsubscribed = You have unsubscribed from news. You can subscribe again in /settings.
settings-subscribed = You will get news and offers again.
