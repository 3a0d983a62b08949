## Common texts: greeting, errors, help, command menus

start-greeting =
    Hello, <b>{ $name }</b>! 👋
    This is the <b>PHOENIX</b> web studio bot. Here you can choose and order our services, ask our support team for help and be the first to hear our news.

    /catalog — our services
    /help — all commands
start-greeting-support =
    Hello, <b>{ $name }</b>! 👋
    You are a <b>PHOENIX</b> support agent. New customer requests arrive here.

    /tickets — customer requests
    /help — all commands
start-greeting-admin =
    Hello, <b>{ $name }</b>! 👋
    You are an administrator of the <b>PHOENIX</b> bot.

    /admin — admin panel: services, promo codes, orders, staff, statistics, broadcasts
    /tickets — customer requests
    /help — all commands
start-greeting-owner =
    Hello, <b>{ $name }</b>! 👋
    You are the owner of the <b>PHOENIX</b> bot.

    /admin — admin panel: services, promo codes, orders, staff, statistics, broadcasts
    /tickets — customer requests
    /help — all commands
bot-description =
    The bot of the PHOENIX web studio: our services with prices and lead times, ordering in a few steps, promo codes and support right in the chat.

    Press Start to see the services.
bot-short-description = PHOENIX web studio: services, orders and support right in Telegram.
error-generic = Something went wrong. We are looking into it — please try again in a little while.
unknown-input = Sorry, I didn't get that. See /help for what I can do.
button-outdated = This button is out of date.
cancel-done = OK, stopped. Nothing has been changed.
cancel-nothing = You are not filling anything in right now, so there is nothing to stop.
not-allowed = You are not allowed to do that.
help-customer =
    <b>What the bot can do</b>
    { $commands }
help-support =
    <b>Support agent commands</b>
    { $commands }
help-admin =
    <b>Administrator commands</b>
    { $commands }
help-owner =
    <b>Owner commands</b>
    { $commands }
cmd-start = Start
cmd-help = Help
cmd-cancel = Cancel the current action
cmd-catalog = Our services
cmd-orders = My orders
cmd-support = Contact support
cmd-settings = News subscription
cmd-tickets = Support tickets
cmd-admin = Admin panel
