"""What crosses the app's boundary: secrets in the OS keyring (form packages come later)."""
