// X12 837P read throughput and memory (DESIGN §5: memory flat on a file of any size).
// Generates an 837P file of `sizeMb` in os.tmpdir(), reads it through readX12, and reports claims/s,
// MB/s and the peak RSS sampled during the read. Run alone: `npx ts-node --transpile-only scripts/bench-x12.ts [MB]`.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { once } from 'node:events';
import { readX12 } from '../src/input/x12';

const CLAIMS_PER_TRANSACTION = 1000;
const DX = ['M4303', 'M4313', 'M5412', 'M5013', 'I10', 'E119', 'Z9889', 'M542'];

function transactionText(control: number, firstClaim: number): { text: string; claims: number } {
  const segs: string[] = [
    `ST*837*${String(control).padStart(9, '0')}*005010X222A1`, 'BHT*0019*00*B1*20260116*0930*CH',
    'NM1*41*2*BENCH CLINIC*****46*B01', 'PER*IC*BILLING*TE*5555550100', 'NM1*40*2*MEDICARE*****46*12402',
    'HL*1**20*1', 'PRV*BI*PXC*207X00000X', 'NM1*85*2*BENCH CLINIC*****XX*1234567893', 'N3*100 MAIN STREET', 'N4*DALLAS*TX*752010000', 'REF*EI*123456789',
  ];
  for (let i = 0; i < CLAIMS_PER_TRANSACTION; i++) {
    const n = firstClaim + i;
    const dx = [DX[n % DX.length], DX[(n + 3) % DX.length]];
    segs.push(
      `HL*${i + 2}*1*22*0`, 'SBR*P*18*******MB', `NM1*IL*1*DOE*JANE****MI*M${n}`, 'N3*200 ELM AVENUE', 'N4*DALLAS*TX*75202',
      'DMG*D8*19610402*F', 'NM1*PR*2*MEDICARE JH*****PI*MEDICARE-JH',
      `CLM*B${n}*1749.91***11:B:1*Y*A*Y*Y`, `HI*ABK:${dx[0]}*ABF:${dx[1]}`,
      'LX*1', 'SV1*HC:22551*1604.91*UN*1***1:2', 'DTP*472*D8*20260115',
      'LX*2', 'SV1*HC:99213:25*145*UN*1***1', 'DTP*472*D8*20260115',
    );
  }
  segs.push(`SE*${segs.length + 1}*${String(control).padStart(9, '0')}`);
  return { text: `${segs.join('~\n')}~\n`, claims: CLAIMS_PER_TRANSACTION };
}

/** Writes an 837P file of about sizeMb megabytes; returns its claim count. */
async function generate(file: string, sizeMb: number): Promise<number> {
  const out = fs.createWriteStream(file);
  const target = sizeMb * 1024 * 1024;
  const isa = 'ISA*00*          *00*          *ZZ*BENCH          *ZZ*MEDICARE       *260116*0930*^*00501*000000001*0*T*:~\nGS*HC*BENCH*MEDICARE*20260116*0930*1*X*005010X222A1~\n';
  out.write(isa);
  let bytes = isa.length;
  let claims = 0;
  let transactions = 0;
  while (bytes < target) {
    const { text, claims: n } = transactionText(++transactions, claims + 1);
    claims += n;
    bytes += text.length;
    if (!out.write(text)) await once(out, 'drain');
  }
  out.end(`GE*${transactions}*1~\nIEA*1*000000001~\n`);
  await once(out, 'finish');
  return claims;
}

export async function benchX12(sizeMb = 1024): Promise<Record<string, unknown>[]> {
  const file = path.join(os.tmpdir(), `claimscrub-bench-${process.pid}.837`);
  try {
    const expected = await generate(file, sizeMb);
    const mb = fs.statSync(file).size / (1024 * 1024);
    let peak = process.memoryUsage.rss();
    const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage.rss()); }, 50);
    const started = process.hrtime.bigint();
    let claims = 0;
    let rejected = 0;
    for await (const item of readX12(fs.createReadStream(file, { highWaterMark: 256 * 1024 }), { file })) {
      if (item.kind === 'claim') claims++;
      else rejected++;
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage.rss());
    if (claims !== expected || rejected !== 0) throw new Error(`bench-x12: read ${claims} claims and ${rejected} rejections, expected ${expected} claims`);
    return [{
      name: 'x12', claims, mb: Math.round(mb * 10) / 10, seconds: Math.round(seconds * 100) / 100,
      claimsPerSecond: Math.round(claims / seconds), mbPerSecond: Math.round((mb / seconds) * 10) / 10,
      peakRssMb: Math.round(peak / (1024 * 1024)),
    }];
  } finally {
    fs.rmSync(file, { force: true });
  }
}

if (require.main === module) {
  const size = Number(process.argv[2] ?? 1024);
  benchX12(size).then((rows) => { for (const row of rows) console.log(JSON.stringify(row)); }, (error: unknown) => { console.error(error); process.exitCode = 1; });
}
