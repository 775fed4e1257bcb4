#!/bin/sh
# Run by the deb and rpm packages after installing (electron-builder fills in ${executable} and
# ${sanitizedProductName}). It puts both the app and its command line on the PATH, and gives Chromium's sandbox
# helper the mode it needs: setuid only where the kernel offers no unprivileged user namespaces.
app_dir='/opt/${sanitizedProductName}'

ln -sf "$app_dir/${executable}" '/usr/bin/${executable}'
ln -sf "$app_dir/resources/cli/hicare" /usr/bin/hicare

if [ -L /proc/self/ns/user ] && unshare --user true 2>/dev/null; then
  chmod 0755 "$app_dir/chrome-sandbox" || true
else
  chmod 4755 "$app_dir/chrome-sandbox" || true
fi

command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database /usr/share/applications || true
