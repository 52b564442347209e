import GlossCore
print("stub")
