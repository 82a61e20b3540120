import ExcelJS from 'exceljs'
const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: '/tmp/b28d/dbg.xlsx', useStyles: true, useSharedStrings: false })
const ws = wb.addWorksheet('a')
ws.columns = [{ header: 'x' }, { header: 'y' }]
for (let i = 0; i < 3000; i++) {
  ws.addRow([i, 'some text that is long enough '.repeat(3)]).commit()
  if (i % 256 === 0) {
    const s = (ws as any).stream
    const t = s?.pipes?.[0]
    console.log(i, (ws as any).stream.pipes[0]._writableState.needDrain, (ws as any).stream.pipes[0]._writableState.length)
  }
}
ws.commit(); await wb.commit()
