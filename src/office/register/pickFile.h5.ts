import type { PickedFile } from './pickFile.types';

/** H5: an <input type="file"> read with FileReader as base64. Resolves null when cancelled. */
export function pickRegisterFile(): Promise<PickedFile | null> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    input.style.display = 'none';
    document.body.appendChild(input);
    const done = () => input.remove();
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (!file) {
        done();
        resolve(null);
        return;
      }
      const reader = new FileReader();
      reader.onload = () => {
        done();
        const url = String(reader.result ?? '');
        resolve({ name: file.name, size: file.size, contentBase64: url.slice(url.indexOf(',') + 1) });
      };
      reader.onerror = () => {
        done();
        reject(new Error('读取文件失败'));
      };
      reader.readAsDataURL(file);
    });
    input.click();
  });
}
