# Dates as UN documents write them in English: 24 December 2024, not Django's "Dec. 24, 2024".
DATE_FORMAT = "j F Y"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "j M Y"
