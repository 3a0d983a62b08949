## Общие тексты: приветствие, ошибки, помощь, меню команд

start-greeting =
    Здравствуйте, <b>{ $name }</b>! 👋
    Это бот веб-студии <b>PHOENIX</b>: здесь можно выбрать и заказать наши услуги, получить помощь поддержки и узнавать о новинках.

    /catalog — каталог услуг
    /help — все команды
error-generic = Что-то пошло не так. Мы уже разбираемся — попробуйте ещё раз чуть позже.
unknown-input = Не понял сообщение. Список команд — /help.
button-outdated = Эта кнопка устарела.
cancel-done = Действие отменено.
cancel-nothing = Отменять нечего.
not-allowed = Это действие вам недоступно.
help-customer =
    <b>Что умеет бот</b>
    { $commands }
help-support =
    <b>Команды агента поддержки</b>
    { $commands }
help-admin =
    <b>Команды администратора</b>
    { $commands }
help-owner =
    <b>Команды владельца</b>
    { $commands }
cmd-start = Начать
cmd-help = Помощь
cmd-cancel = Отменить текущее действие
cmd-catalog = Каталог услуг
cmd-orders = Мои заказы
cmd-support = Написать в поддержку
cmd-settings = Настройки рассылки
cmd-tickets = Тикеты поддержки
cmd-admin = Панель администратора
