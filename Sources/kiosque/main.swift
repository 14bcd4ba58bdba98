print("kiosque")
