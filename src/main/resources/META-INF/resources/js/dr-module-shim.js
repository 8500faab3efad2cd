window.module = window.module || {exports: {}};
