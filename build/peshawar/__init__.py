"""Build the Peshawar coverage dataset: seeds in, SQLite out."""
