@echo off
rem hubjobs, as installed from the distribution archive: runs lib\hubjobs.jar with Java 17 or later.
rem Java: %JAVA_HOME%\bin\java.exe when JAVA_HOME is set, else java on PATH.
rem HUBJOBS_JAVA_OPTS adds JVM options (for example -Xmx2g for very large inputs).
setlocal
set "HUBJOBS_HOME=%~dp0.."
if defined JAVA_HOME (
  set "HUBJOBS_JAVACMD=%JAVA_HOME%\bin\java.exe"
) else (
  set "HUBJOBS_JAVACMD=java.exe"
)
"%HUBJOBS_JAVACMD%" -version >nul 2>&1
if errorlevel 1 (
  echo hubjobs: no Java found ^(set JAVA_HOME or put java on PATH^); hubjobs needs Java 17 or later 1>&2
  exit /b 2
)
rem A short-lived checker gains nothing from the optimising compiler; serve runs until it is stopped.
set "HUBJOBS_JVM=-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData"
if /i "%~1"=="serve" set "HUBJOBS_JVM=-XX:+UseSerialGC -XX:-UsePerfData"
"%HUBJOBS_JAVACMD%" %HUBJOBS_JVM% %HUBJOBS_JAVA_OPTS% -jar "%HUBJOBS_HOME%\lib\hubjobs.jar" %*
exit /b %ERRORLEVEL%
