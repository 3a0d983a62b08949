## Уведомления владельцу и их настройка (/admin → Настройки)

admin-btn-settings = ⚙️ Настройки
alert-settings =
    <b>⚙️ Настройки · уведомления</b>
    О чём бот будет вам сообщать? Нажмите, чтобы включить или выключить. Настройки только ваши: у других владельцев свои.
alert-settings-owner-only = Уведомления каждый владелец настраивает сам для себя.
alert-setting-invite = Кто-то пришёл в команду по ссылке-приглашению
alert-setting-cancel = Клиент отменил заказ
alert-setting-rating = Обращение оценили на 1–2 звезды
alert-setting-broadcast = Рассылка завершилась или не удалась

alert-invite-used = 👤 Ссылкой-приглашением воспользовались: { $name } (id { $id }) теперь в команде — { $role ->
        [admin] администратор
       *[other] сотрудник поддержки
    }.
alert-order-cancelled = ↩️ Заказ <b>№{ $id }</b> ({ $title }) отменён клиентом: { $customer }.
alert-low-rating = ⚠️ Обращение <b>#{ $id }</b> оценили на { $stars } { $stars ->
        [one] звезду
        [few] звезды
       *[many] звёзд
    }, клиент: { $customer }. Сотрудник: { $agent }.
alert-broadcast-finished = 📣 Рассылка <b>#{ $id }</b> завершена: доставлено { $delivered } из { $total }, не удалось { $failed }, заблокировали бота { $blocked }.
alert-broadcast-failed = ❗ Рассылка <b>#{ $id }</b> не удалась: из { $total } сообщений не доставлено ни одного (ошибки: { $failed }, заблокировали бота: { $blocked }).
