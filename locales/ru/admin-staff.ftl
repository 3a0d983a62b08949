## Сотрудники: список

admin-staff-list =
    <b>👥 Сотрудники</b>
    🛡 — администратор, 🎧 — агент поддержки, ⏸ — уведомления на паузе.
    Выберите сотрудника или добавьте нового.
admin-staff-empty =
    <b>👥 Сотрудники</b>
    Пока никого нет. Пригласите агента ссылкой или добавьте по Telegram ID.
admin-staff-btn-invite-support = ➕ Пригласить агента
admin-staff-btn-invite-admin = ➕ Пригласить админа
admin-staff-btn-add-id = 🔢 Добавить по Telegram ID

## Сотрудники: карточка и роли

admin-staff-member =
    <b>{ $name }</b>
    Telegram ID: <code>{ $id }</code>
    Роль: { $role }
    Уведомления: { $status }
    В команде с { $since }
admin-role-owner = владелец
admin-role-admin = администратор
admin-role-support = агент поддержки
admin-role-customer = клиент
admin-staff-not-started = бот ещё не запущен
admin-staff-paused = на паузе
admin-staff-active = включены
admin-staff-btn-make-admin = 🛡 Сделать администратором
admin-staff-btn-make-support = 🎧 Сделать агентом
admin-staff-btn-remove = 🗑 Удалить
admin-staff-role-confirm =
    Сменить роль сотрудника <b>{ $name }</b>?
    Сейчас: { $from }. Будет: { $to }.
    { $means }
admin-staff-role-admin-means = Администратор управляет товарами, промокодами, заказами, рекламой и агентами поддержки.
admin-staff-role-support-means = Агент поддержки отвечает на тикеты, панель администратора ему будет недоступна.
admin-staff-btn-role-yes = ✅ Да, сменить роль
admin-staff-gone = Этого сотрудника уже нет в списке.
admin-staff-owner-only = Назначать и снимать администраторов может только владелец.

## Сотрудники: приглашение ссылкой

admin-staff-invite =
    <b>Приглашение: { $role }</b>
    Отправьте эту ссылку человеку, которого хотите добавить:
    { $link }

    Ссылка одноразовая и действует 24 часа.
admin-invite-welcome =
    🎉 Добро пожаловать в команду PHOENIX! Ваша роль: { $role }.
    Новые тикеты приходят вам уведомлениями; поставить их на паузу можно в /tickets. Команды — в { $help }.
admin-invite-unknown = Ссылка-приглашение не найдена. Попросите новую.
admin-invite-used = Эта ссылка-приглашение уже использована. Попросите новую.
admin-invite-expired = Срок действия ссылки-приглашения истёк. Попросите новую.
admin-invite-owner = Вы владелец бота: приглашение вам не нужно.

## Сотрудники: добавление по Telegram ID

admin-staff-ask-id = Отправьте числовой Telegram ID нового агента поддержки (например, 123456789). Узнать свой ID человек может у @userinfobot.
admin-staff-bad-id = Это не похоже на Telegram ID: он состоит только из цифр, например 123456789.
admin-staff-is-owner = Это владелец бота: у владельца и так есть все права.
admin-staff-already = Этот человек уже в команде.
admin-staff-added = ✅ Агент поддержки добавлен.

## Сотрудники: удаление

admin-staff-remove-confirm =
    Удалить <b>{ $name }</b> из сотрудников?
    Тикеты этого сотрудника вернутся в общую очередь.
admin-staff-removed = Сотрудник удалён. Возвращено тикетов в очередь: { $tickets }.

## Сотрудники: что слышит сам сотрудник

admin-staff-you-are-staff = Вас добавили в команду PHOENIX. Ваша роль: { $role }. Команды — в /help.
admin-staff-role-changed = Ваша роль в команде PHOENIX изменена: { $role }. Команды — в /help.
admin-staff-you-are-removed = Вы больше не сотрудник PHOENIX. Спасибо за работу!
