# A day and a month take the month in the genitive (10 мая), as Django's DATE_FORMAT does.
MONTH_DAY_FORMAT = "j E"
