#!/bin/sh
# Run by the deb and rpm packages after removing: the links after-install.sh made, if they still point into the app.
for link in '/usr/bin/${executable}' /usr/bin/hicare; do
  case "$(readlink "$link" 2>/dev/null)" in
    '/opt/${sanitizedProductName}/'*) rm -f "$link" ;;
  esac
done
