# A day and a month without a leading zero (5月10日), as the full dates write them.
MONTH_DAY_FORMAT = "n月j日"
