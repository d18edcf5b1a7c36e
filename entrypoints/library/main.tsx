import { render } from 'preact';
import { Library } from '@/components/Library';
import { markLanguage, t } from '@/components/i18n';
import { makeLibraryServices } from './services';
import './style.css';

markLanguage(document, t);
document.title = `${t('lib_title')} · ${t('extName')}`;
render(<Library services={makeLibraryServices()} t={t} />, document.getElementById('app')!);
