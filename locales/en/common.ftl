## Common texts: greeting, errors, help, command menus

start-greeting =
    Hello, <b>{ $name }</b>! 👋
    This is the bot of the <b>PHOENIX</b> web studio: choose and order our services, get help from support and hear about what is new.

    /catalog — our services
    /help — all commands
error-generic = Something went wrong. We are looking into it — please try again a bit later.
unknown-input = I did not understand that. See /help for the commands.
button-outdated = This button is out of date.
cancel-done = Cancelled.
cancel-nothing = There is nothing to cancel.
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
cmd-settings = Newsletter settings
cmd-tickets = Support tickets
cmd-admin = Admin panel
