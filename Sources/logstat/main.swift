print("logstat")
