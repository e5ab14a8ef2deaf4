print("bonjour")
