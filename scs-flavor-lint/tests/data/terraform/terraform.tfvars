web_flavor = "SCS-4V-8"
