/**
 * `hicare completion bash|zsh|powershell`: a completion script written from the command table. bash and zsh share
 * one function, `_hicare_candidates`, in the syntax both shells read, so they complete exactly alike; PowerShell
 * gets the same walk over the same table in its own language.
 */
import { COMMAND_TABLE, GLOBAL_FLAGS, type CommandSpec, type FlagSpec } from './command-table.js';

/** A flag whose value is a path: the shell completes file names there. */
const takesPath = (f: FlagSpec): boolean => f.value === 'FILE' || f.value === 'DIR';

/** What can be typed at one place of the tree: subcommands, flags, flags taking a value, and fixed arguments. */
interface Place {
  subs: string[];
  flags: string[];
  values: string[];
  paths: string[];
  args: string[];
}

function placeOf(flags: readonly FlagSpec[], spec?: CommandSpec): Place {
  const all = [...flags, ...GLOBAL_FLAGS];
  // A command's own meaning of a name wins over the global one (`kb search --version V` takes a value).
  const names = [...new Set(all.flatMap((f) => (f.short === undefined ? [f.name] : [f.name, f.short])))];
  return {
    subs: spec?.subcommands?.map((s) => s.name) ?? [],
    flags: names,
    values: [...new Set(all.filter((f) => f.value !== undefined).map((f) => f.name))],
    paths: all.filter(takesPath).map((f) => f.name),
    args: [...(spec?.arguments ?? [])],
  };
}

/** Every place keyed `command` or `command sub`, and '' for the line before any command. */
function places(): Map<string, Place> {
  const map = new Map<string, Place>([['', { ...placeOf([]), args: COMMAND_TABLE.map((c) => c.name) }]]);
  for (const c of COMMAND_TABLE) {
    map.set(c.name, placeOf(c.flags, c));
    for (const s of c.subcommands ?? []) map.set(`${c.name} ${s.name}`, placeOf([...c.flags, ...s.flags], s));
  }
  return map;
}

const shellWords = (words: readonly string[]): string => `'${words.join(' ')}'`;

/** The candidates function, valid in both bash and zsh: `_hicare_candidates CUR WORD...` prints what fits. */
function candidatesFunction(): string {
  const branches = [...places()].map(
    ([key, p]) =>
      `    '${key}') subs=${shellWords(p.subs)}; flags=${shellWords(p.flags)}; values=${shellWords(p.values)}; paths=${shellWords(p.paths)}; args=${shellWords(p.args)} ;;`,
  );
  return `# The words that may follow: ':files' asks the shell for file names.
_hicare_place() {
  case "$1" in
${branches.join('\n')}
    *) subs=''; flags=''; values=''; paths=''; args='' ;;
  esac
}

_hicare_candidates() {
  local cur="$1" cmd='' sub='' expect='' w subs flags values paths args
  shift
  _hicare_place ''
  for w in "$@"; do
    if [ -n "$expect" ]; then expect=''; continue; fi
    case "$w" in
      --*=*) continue ;;
      -*)
        case " $values " in *" $w "*) expect=value ;; esac
        case " $paths " in *" $w "*) expect=path ;; esac
        continue ;;
    esac
    if [ -z "$cmd" ]; then cmd="$w"; _hicare_place "$cmd"
    elif [ -z "$sub" ] && [ -n "$subs" ]; then
      case " $subs " in *" $w "*) sub="$w"; _hicare_place "$cmd $sub" ;; esac
    fi
  done
  if [ "$expect" = path ]; then echo ':files'; return; fi
  if [ -n "$expect" ]; then return; fi
  case "$cur" in -*) echo "$flags"; return ;; esac
  if [ -z "$cmd" ]; then echo "$args"; return; fi
  if [ -n "$subs" ] && [ -z "$sub" ]; then echo "$subs"; return; fi
  if [ -n "$args" ]; then echo "$args"; return; fi
  echo ':files'
}`;
}

function bashScript(): string {
  return `# hicare completion for bash. Load it with: source <(hicare completion bash)
${candidatesFunction()}

_hicare() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" out
  out=$(_hicare_candidates "$cur" "\${COMP_WORDS[@]:1:COMP_CWORD-1}")
  if [ "$out" = ':files' ]; then
    mapfile -t COMPREPLY < <(compgen -f -- "$cur")
  else
    mapfile -t COMPREPLY < <(compgen -W "$out" -- "$cur")
  fi
}
complete -o filenames -F _hicare hicare
`;
}

function zshScript(): string {
  return `#compdef hicare
# hicare completion for zsh. Load it with: source <(hicare completion zsh), after compinit,
# or save it as _hicare in a folder of $fpath.
${candidatesFunction()}

_hicare() {
  local out
  out=$(_hicare_candidates "\${words[CURRENT]}" "\${(@)words[2,CURRENT-1]}")
  if [[ "$out" == ':files' ]]; then
    _files
  else
    compadd -- \${=out}
  fi
}

if [[ "\${funcstack[1]}" == _hicare ]]; then
  _hicare "$@"
else
  compdef _hicare hicare
fi
`;
}

const psList = (words: readonly string[]): string => `@(${words.map((w) => `'${w}'`).join(', ')})`;

function powershellScript(): string {
  const entries = [...places()].map(
    ([key, p]) =>
      `  '${key}' = @{ Subs = ${psList(p.subs)}; Flags = ${psList(p.flags)}; Values = ${psList(p.values)}; Paths = ${psList(p.paths)}; Args = ${psList(p.args)} }`,
  );
  return `# hicare completion for PowerShell. Load it with: hicare completion powershell | Out-String | Invoke-Expression
$hicarePlaces = @{
${entries.join('\n')}
}

Register-ArgumentCompleter -Native -CommandName hicare, hicare.cmd -ScriptBlock {
  param($wordToComplete, $commandAst, $cursorPosition)
  $words = @($commandAst.CommandElements | Select-Object -Skip 1 | ForEach-Object { $_.ToString() })
  if ($wordToComplete -ne '' -and $words.Count -gt 0) { $words = @($words | Select-Object -SkipLast 1) }
  $place = $hicarePlaces['']
  $cmd = ''; $sub = ''; $expect = ''
  foreach ($w in $words) {
    if ($expect -ne '') { $expect = ''; continue }
    if ($w -like '--*=*') { continue }
    if ($w.StartsWith('-')) {
      if ($place.Values -contains $w) { $expect = 'value' }
      if ($place.Paths -contains $w) { $expect = 'path' }
      continue
    }
    if ($cmd -eq '') { $cmd = $w; $place = $hicarePlaces[$cmd] }
    elseif ($sub -eq '' -and $place.Subs -contains $w) { $sub = $w; $place = $hicarePlaces["$cmd $sub"] }
  }
  if ($null -eq $place) { return }
  if ($expect -eq 'path') { return $null }
  if ($expect -ne '') { return @() }
  if ($wordToComplete.StartsWith('-')) { $candidates = $place.Flags }
  elseif ($cmd -eq '') { $candidates = $place.Args }
  elseif ($place.Subs.Count -gt 0 -and $sub -eq '') { $candidates = $place.Subs }
  elseif ($place.Args.Count -gt 0) { $candidates = $place.Args }
  else { return $null }
  $candidates | Where-Object { $_ -like "$wordToComplete*" } | ForEach-Object {
    [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
  }
}
`;
}

export type Shell = 'bash' | 'zsh' | 'powershell';

export function completionScript(shell: Shell): string {
  if (shell === 'bash') return bashScript();
  if (shell === 'zsh') return zshScript();
  return powershellScript();
}
