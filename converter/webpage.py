def looks_like_html(data, name): return False
