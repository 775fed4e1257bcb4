@echo off
rem hicare, the command line of the Hi-Care Update Manager as installed with the desktop app: the app binary
rem run in command-line mode (--cli). This file sits in the resources\cli folder of the app.
"%~dp0..\..\Hi-Care Update Manager.exe" --cli %*
exit /b %ERRORLEVEL%
