"""Notifications: who wants to hear about a published weekly report, and sending them."""
