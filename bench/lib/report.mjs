// BENCHMARKS.md, written from the report that bench/run.mjs also saves as bench/results.json.

const fmtNs = (ns) => (ns >= 1e6 ? `${(ns / 1e6).toFixed(2)} ms` : ns >= 1000 ? `${(ns / 1000).toFixed(2)} µs` : `${ns.toFixed(ns < 10 ? 2 : 1)} ns`);
const fmtRatio = (r) => (r < 0.1 ? `${r.toFixed(3)}×` : `${r.toFixed(2)}×`);
const fmtMs = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);
const spread = (s) => `${s.p25.toFixed(2)}–${s.p75.toFixed(2)}`;
const bytes = (n) => `${n.toLocaleString('en-US')} B`;
const verdict = (ok) => (ok ? 'pass' : '**miss**');
const cmd = (id) => `\`npm run bench -- --only ${id}\``;

function targetText(t) {
  if (t.max !== undefined) return `≤ ${t.max}×`;
  if (t.min !== undefined) return t.min === 1 ? '> 1× (duckcall fastest)' : `≥ ${t.min}× slower than duckcall`;
  if (t.maxUs !== undefined) return `< ${t.maxUs} µs`;
  if (t.maxBytes !== undefined) return `≤ ${t.maxBytes / 1024} KB (${bytes(t.maxBytes)})`;
  if (t.maxMs !== undefined) return `≤ ${t.maxMs} ms median`;
  if (t.notAbove !== undefined) return `≤ ${t.notAbove}'s`;
  return 'none (reported)';
}

const hasTarget = (t) => Object.keys(t).length > 0;

function runtimeLines(row) {
  if (row.failed) {
    return [`| ${row.what} | ${row.graded.join(', ')} | — | **failed**: ${row.failed.replace(/\|/g, '\\|')} | ${targetText(row.target)} | **fail** | ${cmd(row.id)} |`];
  }
  const base = row.variants.find((v) => v.name === row.baseline);
  const graded = row.variants.filter((v) => row.graded.includes(v.name));
  return graded.map((v, i) => {
    const what = i === 0 ? row.what : '″';
    if (row.target.maxUs !== undefined) {
      return `| ${what} | ${v.name} | — | **${fmtNs(v.nsPerCall.median)}** per failed call (p25–p75 ${fmtNs(v.nsPerCall.p25)}–${fmtNs(v.nsPerCall.p75)}) | ${targetText(row.target)} | ${verdict(v.nsPerCall.median / 1000 < row.target.maxUs)} | ${cmd(row.id)} |`;
    }
    const meets = (r) => (row.target.max !== undefined ? r <= row.target.max : r >= row.target.min);
    const each = v.processRatios ?? [];
    const ok = meets(v.ratio.median) && each.every(meets);
    // Processes that disagree (one met the target and another did not, or 1.5x apart) are shown.
    const apart = each.length > 1 && (Math.max(...each) / Math.min(...each) > 1.5 || (hasTarget(row.target) && each.some(meets) && !each.every(meets)));
    const times = `${fmtNs(v.nsPerCall.median)} vs ${fmtNs(base.nsPerCall.median)}${apart ? `; per process ${each.map(fmtRatio).join(', ')}` : ''}`;
    return `| ${what} | ${v.name} | ${row.baseline} | **${fmtRatio(v.ratio.median)}** (${spread(v.ratio)}); ${times} | ${targetText(row.target)} | ${hasTarget(row.target) ? verdict(ok) : '—'} | ${cmd(row.id)} |`;
  });
}

/** CPU time (user + system, every thread and child process) of a two-command row, when GNU time measured it. */
function cpuContext(row, measured, baseline, baselineText) {
  if (!row.cpuRatio) return [];
  return [
    `| ${row.id} | CPU time (user + system), same runs | ${fmtRatio(row.cpuRatio.median)} of ${baselineText}; ${fmtMs(row.cpuMs[measured].median)} vs ${fmtMs(row.cpuMs[baseline].median)} |`,
  ];
}

/** The build-speed rows (bench/lib/build-speed.mjs): a table line and the lines for scale. */
function buildLines(row) {
  if (row.kind === 'warm-edit') {
    return {
      line: `| ${row.what}: ${row.edits} edits of \`${row.module}\`, each re-transformed | \`Engine.transform\` after an edit | cold: \`Engine.open\` + first transform of that module | **${fmtMs(row.ms.own.median)}** median; ${fmtRatio(row.ratio.median)} of cold (${fmtMs(row.ms.cold.median)}) | ${targetText(row.target)} | ${verdict(row.pass)} | ${cmd(row.id)} |`,
      context: [
        `| ${row.id} | after an edit of the type it imports type-only from another file (\`update\` that file, transform the module again) | ${fmtMs(row.ms.type.median)} median; ${fmtRatio(row.ratioType.median)} of cold |`,
        `| ${row.id} | cold, split: \`Engine.open\` / first transform | ${fmtMs(row.ms.open.median)} / ${fmtMs(row.ms.firstTransform.median)} |`,
        `| ${row.id} | CPU time of the process (all threads) per warm edit / cold | ${fmtMs(row.cpuMs.own.median)} / ${fmtMs(row.cpuMs.cold.median)} |`,
      ],
    };
  }
  if (row.kind === 'vite-build') {
    return {
      line: `| ${row.what} | \`vite build\` with duckcall/vite | the same \`vite build\` without it | **${fmtRatio(row.ratio.median)}**; ${fmtMs(row.ms.duckcall.median)} vs ${fmtMs(row.ms.plain.median)} | ${targetText(row.target)} | ${hasTarget(row.target) ? verdict(row.pass) : '—'} | ${cmd(row.id)} |`,
      context: [
        ...cpuContext(row, 'duckcall', 'plain', 'without duckcall/vite'),
        ...(row.ms.typescript
          ? [
              `| ${row.id} | TypeScript's own cold start, no duckcall: load the compiler, parse and bind the libs the app's tsconfig names (no file of the app) | ${fmtMs(row.ms.typescript.median)}; ${fmtRatio(row.typescriptRatio.median)} of the plain \`vite build\`, so a build that also runs the checker starts at ${fmtRatio(1 + row.typescriptRatio.median)} of it before reading any module |`,
            ]
          : []),
      ],
    };
  }
  return {
    line: `| ${row.what} (${row.files} files) | \`duckcall generate --out-dir\` | \`tsc --noEmit\` (TypeScript ${row.typescript}) | **${fmtRatio(row.ratio.median)}**; ${fmtMs(row.ms.generate.median)} vs ${fmtMs(row.ms.tsc.median)} | ${targetText(row.target)} | ${verdict(row.pass)} | ${cmd(row.id)} |`,
    context: cpuContext(row, 'generate', 'tsc', '`tsc --noEmit`'),
  };
}

export function markdown(report, { compileRow, sizeRow }) {
  const lines = [];
  const push = (...l) => lines.push(...l);
  push(
    '# Benchmarks',
    '',
    `Written by \`npm run bench\` ([bench/run.mjs](bench/run.mjs)) on ${report.date.slice(0, 10)}; every raw number (per-round ns/call of every variant, per-round ratios) is in [bench/results.json](bench/results.json). Do not edit by hand: run \`npm run bench\` again.`,
    '',
    `- **Machine:** ${report.machine.cpu}, ${report.machine.cores} cores, ${report.machine.memoryGiB} GiB, ${report.machine.os}`,
    ...(report.machine.loadAverage ? [`- **Load:** 1-minute load average ${report.machine.loadAverage.start.toFixed(2)} at the start, ${report.machine.loadAverage.end.toFixed(2)} at the end (on ${report.machine.cores} cores; ${report.settings.clock === 'wall' ? '' : 'the runtime rows are timed by CPU time, but '}others' work on a shared machine slows the build rows' wall times much more than the CPU times given for scale)`] : []),
    `- **Node:** ${report.node} (V8 ${report.v8}); TypeScript ${report.versions.typescript}, ts-patch ${report.versions['ts-patch']}`,
    `- **duckcall:** ${report.duckcall.version}${report.duckcall.commit ? `, commit ${report.duckcall.commit}` : ''}${report.duckcall.dirty ? ' with uncommitted changes to src/ or transformer/' : ''}`,
    `- **Run:** ${report.settings.rounds} measured rounds after ${report.settings.warmup} warm-up rounds in each of ${report.settings.processes ?? 1} fresh processes per runtime row (fewer for the rows that build large values), ≈ ${report.settings.targetMs} ms per variant per round, timed by ${report.settings.clock === 'wall' ? 'elapsed time' : 'the process\'s CPU time (user + system: others\' work on the machine does not inflate it; the elapsed-time ratios are in the JSON as `wallRatio`)'}; compile row: median of ${report.settings.compileRuns} runs of each compiler; build rows: ${report.settings.editProcesses} fresh processes of ${report.settings.edits} + ${report.settings.edits} edits, ${report.settings.buildRuns} runs of each build; ${report.seconds} s in all`,
    '',
    '## Results',
    '',
    'Ratio = measured ÷ baseline, time per call, taken in each round and then the median over rounds (p25–p75 of the per-round ratios in brackets), followed by the two medians of ns per call. For the rows against other libraries the baseline is duckcall, so the ratio says how many times slower the other library is.',
    '',
    '| what | measured | baseline (same run) | result | target | | reproduce |',
    '|---|---|---|---|---|---|---|',
  );
  const context = [];
  for (const row of report.rows) {
    if (row.kind === 'runtime') {
      push(...runtimeLines(row));
      const base = row.variants.find((v) => v.name === row.baseline);
      for (const v of row.variants) {
        if (v === base || row.graded.includes(v.name)) continue;
        context.push(`| ${row.id} | ${v.name} | ${fmtNs(v.nsPerCall.median)} per call; ${fmtRatio(v.ratio.median)} of ${row.baseline} (${fmtNs(base.nsPerCall.median)}) |`);
      }
    } else if (row.kind === 'compile') {
      push(
        `| ${row.what} (${row.files} files, ${row.cases} typed cases) | tspc + duckcall/transformer | plain tsc | **${fmtRatio(row.ratio.median)}**; ${(row.ms.tspc.median / 1000).toFixed(2)} s vs ${(row.ms.tsc.median / 1000).toFixed(2)} s | ${targetText(row.target ?? compileRow.target)} | ${verdict(row.pass)} | ${cmd(row.id)} |`,
      );
      context.push(`| ${row.id} | tspc without plugins | ${(row.ms.tspcNoPlugin.median / 1000).toFixed(2)} s; ${fmtRatio(row.ratioNoPlugin.median)} of plain tsc |`);
      if (row.cpuRatio) {
        context.push(
          `| ${row.id} | CPU time (user + system), same runs | tspc + duckcall ${fmtRatio(row.cpuRatio.median)}, tspc without plugins ${fmtRatio(row.cpuRatioNoPlugin.median)} of plain tsc; ${(row.cpuMs.tspc.median / 1000).toFixed(2)} s / ${(row.cpuMs.tspcNoPlugin.median / 1000).toFixed(2)} s vs ${(row.cpuMs.tsc.median / 1000).toFixed(2)} s |`,
        );
      }
    } else if (row.kind === 'size') {
      push(
        `| ${row.what} | \`${row.exports.join(', ')}\` from dist/index.js, esbuild --bundle --minify, gzip | — | **${bytes(row.core.gzip)}** (${bytes(row.core.minified)} minified) | ${targetText(sizeRow.target)} | ${verdict(row.pass)} | ${cmd(row.id)} |`,
      );
      context.push(`| ${row.id} | everything dist/index.js exports | ${bytes(row.all.gzip)} min+gz (${bytes(row.all.minified)} minified) |`);
    } else if (row.kind === 'bytes-program') {
      push(
        `| ${row.what} | the runtime's share of \`${row.program}\` bundled with esbuild --bundle --minify, gzip | — | **${bytes(row.runtime.gzip)}** (${bytes(row.runtime.minified)} minified) | ${targetText(row.target)} | ${hasTarget(row.target) ? verdict(row.pass) : '—'} | ${cmd(row.id)} |`,
      );
      context.push(`| ${row.id} | the whole program / its own and generated code (duckcall external) | ${bytes(row.whole.gzip)} / ${bytes(row.own.gzip)} min+gz |`);
    } else if (row.kind === 'bytes-guard') {
      push(
        `| ${row.what}: \`is<T>\` | duckcall | \`typia.createIs<T>()\` | **${bytes(row.duckcall.is.gzip)}** vs ${bytes(row.typia.is.gzip)} (${bytes(row.duckcall.is.minified)} vs ${bytes(row.typia.is.minified)} minified) | ${targetText(row.target)} | ${verdict(row.duckcall.is.gzip <= row.typia.is.gzip)} | ${cmd(row.id)} |`,
        `| ″ \`is<T>\` + \`validate<T>\` | duckcall | \`createIs\` + \`createValidate\` | **${bytes(row.duckcall.both.gzip)}** vs ${bytes(row.typia.both.gzip)} (${bytes(row.duckcall.both.minified)} vs ${bytes(row.typia.both.minified)} minified) | ${targetText(row.target)} | ${verdict(row.duckcall.both.gzip <= row.typia.both.gzip)} | ${cmd(row.id)} |`,
      );
    } else if (['warm-edit', 'vite-build', 'generate'].includes(row.kind)) {
      const { line, context: more } = buildLines(row);
      push(line);
      context.push(...more);
    }
  }
  if (context.length) {
    push('', '### For scale (not graded)', '', '| row | variant | result |', '|---|---|---|', ...context);
  }
  push(
    '',
    '## How it is measured',
    '',
    '- The bench sources are TypeScript ([bench/src](bench/src)), compiled ahead of time with `tspc` and both duckcall\'s transformer (the built `dist/transformer.cjs`) and typia\'s (`typia/lib/transform`, for the `typia.createIs<Payload>()` baseline); [bench/src/plain](bench/src/plain) is compiled with plain `tsc`, so the `when` row runs without the transformer. duckcall is imported as `duckcall`, i.e. the built `dist/`, and used as a user would: `overload(...)` with typed cases, `when([Number], …)`, `is<Payload>(x)`.',
    '- Each runtime row runs in a process of its own, so no other row warms up or pollutes the engine\'s feedback: `node --expose-gc --single-threaded`, so V8 compiles and collects on the main thread (no variant is left in the interpreter waiting for a background compile that others\' work on the machine delays, and the process\'s CPU time is that thread\'s). A row runs in 3 fresh processes and pools their rounds (V8 does not optimize the same code the same way in every process: a variant can settle several times slower in one; each variant\'s median ratio per process is in the JSON as `processRatios`). A ratio target is met when the pooled median meets it and so does the median of every process; processes that disagree are shown in the result. Its variants run side by side: every variant has its own loop function (its own call site), makes a fixed number of calls per round and returns a result sink; before timing, every variant must return exactly what the baseline returns. Rounds alternate the order of the variants; warm-up rounds are discarded and size the measured rounds to the target time.',
    '- Baselines are written the way the generated code is reached: every hand-written chain, switch and direct call is a module-local constant calling its cases through module-local constants, as the generated dispatcher calls its guards and cases (an exported function declaration calling imported bindings loses to it for reasons that have nothing to do with dispatch). For cases told apart by a `kind` literal the baseline is a `switch (x.kind)` making the same field checks (the if chain of guards is shown for scale); the 4-case mixed row also shows the hand chain with its cases captured in a closure, as the generated dispatcher holds them, for scale.',
    '- Other libraries are set up as fast as they go: zod 4 with `z.compile()` (its ahead-of-time parser), ajv with `compile`, typia with `createIs`/`createValidate`; ts-pattern with every pattern and handler made once and a one-argument call matching the argument itself (only the two-argument call builds the tuple it matches), @arrows/multimethod with its methods made once.',
    '- Many cases ([bench/lib/gen-sources.mjs](bench/lib/gen-sources.mjs) writes bench/src/gen/ before each compile, one module per size): N interface cases told apart by `kind`, each kind with its own fields (a number and a string, and a boolean on every other kind), one call site rotating 64 objects of the N kinds; and N class and primitive cases (2 primitives at 4 cases, else 4; the rest nominal classes with a `#private` member) against a typeof / instanceof chain in case order, with a constructor `Map` lookup (exact classes only) for scale.',
    '- Arrays: `is<Payload[]>` against `typia.createIs<Payload[]>()` on valid arrays of distinct payload objects (16 arrays of 10 or 1,000, 2 arrays of 100,000). validate-invalid: `validate<Payload>` against `typia.createValidate<Payload>()` on the 16 invalid payloads; each loop counts the issues reported, which must agree (one per call).',
    '- Depth and size (issue 9): a valid linked list 100,000 levels deep and a valid array of 1,000,000 `{ id, name }` objects, each checked by `is<T>` / `validate<T>` against a hand-written iterative check of the same value (no recursion, no cycle tracking). Before timing, each row checks that duckcall\'s verdict is right (true, `{ success: true }`) and fails with what it got if not; a row with no result within its time limit is killed and fails.',
    '- Bytes rows ([bench/lib/size.mjs](bench/lib/size.mjs)): esbuild --bundle --minify, gzip at the default level. Runtime bytes: a program that uses only typed `overload` (the 4-case job), only `is<Payload>`, or only `when` (as compiled for the runtime rows) is bundled with duckcall inlined and with it external; the runtime\'s share is the difference of the gzipped sizes (esbuild\'s count of the minified bytes that came from dist/ in brackets). Generated bytes: a module exporting one guard (`is<T>`, or `is<T>` and `validate<T>`) made by duckcall or by typia (`createIs`, or `createIs` and `createValidate`), bundled with the library\'s entry external (typia\'s internal helpers that its generated code imports are inlined: they ship with the guard), minus the same module with identity functions for the guards. duckcall\'s `validate<T>` explains through the runtime\'s walker, so its generated bytes do not grow with `validate` but its runtime bytes do.',
    '- Mixed call site: one call site sees number, string and class instance in rotation, the pair calls go through a second one in the same loop (the dispatcher sees all four kinds). One-type call site: always the same kind (16 different values of it). Interface rows and payload rows rotate 16 distinct objects.',
    '- No-match row: the time of a call that throws `NoMatchingOverloadError` (4 candidates, each with its reasons) and its `catch`, per call.',
    '- Compile rows: a generated project (200, and 3,000, overload sets of 6 typed cases, 10 per file) in a temporary directory, compiled with plain `tsc` and with `tspc` + duckcall\'s transformer (and `tspc` without plugins, for scale), alternating, after one untimed run of each; elapsed and (where GNU time is installed) CPU time of each compile.',
    '- Build rows: [bench/lib/app300.mjs](bench/lib/app300.mjs) writes a 300-module app into a temporary directory (Vite\'s template tsconfig: bundler resolution, `noEmit`): every tenth module uses duckcall (a typed overload of 4 cases, one of whose types is imported type-only from the next module, `is<T>()` of a type imported from a shared model module, `protocol<T>()`), the others are plain modules with interfaces, a class and type-only imports; `src/main.ts` imports all 300 and prints the sum of their results. [bench/lib/build-speed.mjs](bench/lib/build-speed.mjs) times it:',
    `  - warm-edit: \`transformer/engine\` (bundled for Node with esbuild), in ${report.settings.editProcesses} fresh processes: \`Engine.open\` + the first \`transform\` of \`src/m150.ts\` (cold), then ${report.settings.edits} edits of that module's text, each handed to \`transform\` (the median over all processes is graded), then ${report.settings.edits} edits of the interface its overload's third case takes, in the file it imports it from (for scale). Every warm result is checked: it has the edit, or its guard checks the new property.`,
    '  - vite-build: `vite build` (library mode, not minified) with and without `duckcall/vite` in the plugins, each in its own process, alternating, after one untimed build of each. The duckcall build is run and must print the expected sum; the plain one must throw `SetupError`. For scale, in the same alternation: a process that only loads TypeScript, builds the app\'s Program from its tsconfig and binds it for the checker (what any checker-based step pays cold, before it transforms anything).',
    '  - generate: `node dist/cli.js generate -p tsconfig.json --out-dir …` (into an emptied directory) against `tsc --noEmit -p tsconfig.json`, each in its own process, alternating, after one untimed run of each.',
    '- Size row: esbuild (from tsup) bundles and minifies an entry that re-exports only the core from `dist/index.js`; gzip is node:zlib at its default level (`gzip9` in the JSON is level 9).',
    '',
    '## Library versions',
    '',
    Object.entries(report.versions)
      .filter(([, v]) => v)
      .map(([k, v]) => `${k} ${v}`)
      .join(', '),
    '',
    '## Reproduce',
    '',
    '```sh',
    'npm ci',
    'npm run bench            # every row (6 to 8 minutes of CPU on 2 cores, half of it the compile and build rows; far longer on a loaded machine); builds dist/ if it is missing (--build to rebuild); writes this file and bench/results.json',
    'npm run bench -- --quick # smoke run: fewer, shorter rounds; writes bench/.build/results.json only',
    'npm run bench -- --only dispatch-mixed,size',
    'npm run bench -- --only builds  # the three build-speed rows: warm-edit, vite-build, generate',
    'npm run bench -- --only bytes   # the bytes rows: runtime bytes per program, generated bytes per guard',
    '```',
    '',
  );
  return lines.join('\n');
}
