"""The web edges: the chat page, the admin page, the HTTP API and the widget (the core never imports them)."""
