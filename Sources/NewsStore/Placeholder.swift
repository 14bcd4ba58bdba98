// NewsStore
